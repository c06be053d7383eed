fn main() {
    parallax::run();
}

// Talc instead of Rust's default dlmalloc: 2.4 KB smaller gzipped, and faster
// (https://github.com/SFBdragon/talc/blob/master/BENCHMARKS_WASM.md). The page
// is single-threaded (no atomics), which the dynamic allocator requires.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
