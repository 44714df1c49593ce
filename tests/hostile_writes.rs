//! Writes under attack: planted symlinks, racing writers, special files and modes.
