//! Ladder files built to crash `ladder` or blow up its cost: one error line, bounded time and output.
