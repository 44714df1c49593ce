//! Handbook folders built to leak files, lose text or hide failure from `ladder import`.
