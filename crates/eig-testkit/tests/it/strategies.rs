//! The strategies draw what they promise, and the rules crates hold their laws over them.
