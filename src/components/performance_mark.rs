//! `performance.mark(name)` at the first frame after a component is first on screen (once per
//! page load), for `cargo xtask bench`: as its anchor pages mark theirs.

use wasm_bindgen::{prelude::Closure, JsCast};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PerformanceMarkProps {
    pub name: &'static str,
}

#[function_component]
pub fn PerformanceMark(props: &PerformanceMarkProps) -> Html {
    let name = props.name;
    use_effect_with((), move |()| {
        let window = gloo_utils::window();
        let mark = Closure::once_into_js(move || {
            if let Some(performance) = gloo_utils::window().performance() {
                if performance.get_entries_by_name(name).length() == 0 {
                    let _ = performance.mark(name);
                }
            }
        });
        let _ = window.request_animation_frame(mark.unchecked_ref());
    });
    Html::default()
}
