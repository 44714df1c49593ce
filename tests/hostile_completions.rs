//! Completion scripts and Markdown generated from a ladder whose ids and titles carry shell code, line breaks or markup: nothing runs, nothing breaks out.
