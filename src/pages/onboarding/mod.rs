//! The wizard of the seed, one file per step.

mod welcome;

pub use welcome::Welcome;
