//! Saving a file the backend sent (the signed agreement) the way a browser download does.

use wasm_bindgen::JsCast;

use crate::api::Document;

#[derive(Debug, thiserror::Error)]
#[error("the browser refused to save the file: {0}")]
pub struct SaveError(String);

/// Offers `document` as a download under its own file name.
pub fn save(document: &Document) -> Result<(), SaveError> {
    let refused = |e: wasm_bindgen::JsValue| SaveError(format!("{e:?}"));
    let bytes = js_sys::Uint8Array::from(document.bytes.as_slice());
    let parts = js_sys::Array::of1(&bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&document.mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(refused)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(refused)?;
    let link: web_sys::HtmlAnchorElement = gloo_utils::document()
        .create_element("a")
        .map_err(refused)?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(&document.filename);
    link.click();
    // The click has started the download; the URL is no longer needed once it has been read.
    let _ = gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
