//! The compiled-in analysis (see `build.rs`): the only file that knows
//! where it comes from.

use std::rc::Rc;

use parallax_engine::bundle::{Bundle, BUNDLE_FORMAT};
use yew::prelude::*;

static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundle.bin"));

/// Shared, cheaply compared handle on the bundle.
#[derive(Clone)]
pub struct Data(pub Rc<Bundle>);

impl PartialEq for Data {
    fn eq(&self, other: &Data) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Data {
    type Target = Bundle;
    fn deref(&self) -> &Bundle {
        &self.0
    }
}

pub fn load() -> Result<Data, String> {
    let b: Bundle = postcard::from_bytes(BUNDLE).map_err(|e| format!("the compiled-in corpus cannot be read: {e}"))?;
    if b.format != BUNDLE_FORMAT {
        return Err(format!("the compiled-in corpus has format {}, expected {BUNDLE_FORMAT}", b.format));
    }
    Ok(Data(Rc::new(b)))
}

#[hook]
pub fn use_data() -> Data {
    // <App> provides it before anything that calls this is rendered.
    use_context::<Data>().expect("Data is provided by <App>")
}
