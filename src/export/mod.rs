//! Exports for reporting upward (上级填报): [`xlsx`] workbooks laid out like
//! the form, with [`layout`] deciding where every header and figure goes.

pub mod layout;
pub mod xlsx;
