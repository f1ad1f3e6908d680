//! Splits the release wasm in two so that the first download holds only what start-up runs.
//!
//! 1. `instrument` marks, in a memory of its own, every function a run enters.
//! 2. `cargo xtask profile` (`src/spa.rs`) has the e2e crate's `profile` binary open `/` on that
//!    build (on the real server, in French and English) and keeps the stable names
//!    (`stable_name`) of the functions start-up ran in a committed file. The mock backend is
//!    left to the rest: a `mock` config waits for it before the app starts (`src/deferred.rs`).
//! 3. `split` keeps the functions that file names in the primary module, so that a build needs
//!    no browser and gives the same bytes each time. Each other function still referenced by
//!    it (called, in a table, exported) becomes a stub that hands its slot to its signature's
//!    dispatcher: load the rest if it has not arrived (`__deferred_load`, `src/deferred.rs`),
//!    then `call_indirect` into `__deferred_table`. The rest module holds the bodies, imports all
//!    it uses from the primary's exports (module `p`), and fills that table. Both leave the
//!    name section out: names only serve the split.
//! 4. `shorten_imports` renames wasm-bindgen's long import names in the primary and its glue.
//!
//! The rest shares the primary's memory. The read-only data only deferred code uses moves to
//! the rest as active segments (`split_data.rs`); the other data stays in the primary.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;

use walrus::ir::{
    dfs_in_order, dfs_pre_order_mut, Const, Instr, MemArg, Store, StoreKind, UnaryOp, Value,
    Visitor,
};
use walrus::{
    ConstExpr, ElementItems, ElementKind, ExportItem, FunctionBuilder, FunctionId, FunctionKind,
    GlobalKind, ImportedFunction, LocalId, Module, ModuleConfig, RefType, TypeId, ValType,
};

use crate::split_data::{self, Static};
use crate::tools::Fail;

/// The export of the primary the stubs call (`src/deferred.rs`).
const LOAD: &str = "__deferred_load";
const TABLE: &str = "__deferred_table";
const LOADED: &str = "__deferred_loaded";
/// The memory `instrument` adds (read by e2e's `profile`): byte `i` is 1 once function `i` ran.
const PROFILE_MEMORY: &str = "__profile";

fn parse(wasm: &[u8]) -> Result<Module, Fail> {
    Module::from_buffer(wasm).map_err(|e| Fail::new(format!("cannot read the wasm: {e}")))
}

/// Reads the names but writes none back.
fn parse_without_names(wasm: &[u8]) -> Result<Module, Fail> {
    ModuleConfig::new()
        .generate_name_section(false)
        .parse(wasm)
        .map_err(|e| Fail::new(format!("cannot read the wasm: {e}")))
}

/// A function's name without what changes from one build to the next: the legacy mangling's
/// `::h<16 hex digits>`, bracketed hex (v0's crate hashes, wasm-bindgen's `[n]` that tells
/// apart functions whose names demangle alike) and wasm-opt's `.<n>` for its copies.
pub fn stable_name(name: &str) -> String {
    let name = match name.rsplit_once('.') {
        Some((stem, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => stem,
        _ => name,
    };
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(c) = rest.chars().next() {
        if c == '[' {
            if let Some(end) = rest.find(']') {
                let inside = &rest[1..end];
                if !inside.is_empty() && inside.bytes().all(|b| b.is_ascii_hexdigit()) {
                    rest = &rest[end + 1..];
                    continue;
                }
            }
        }
        if let Some(after) = rest.strip_prefix("::h") {
            let hash = after.as_bytes();
            let word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
            if hash.len() >= 16
                && hash[..16].iter().all(u8::is_ascii_hexdigit)
                && !hash.get(16).is_some_and(word)
            {
                rest = &after[16..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Each local function's stable name. wasm-bindgen's own shims have no name: they go by those
/// of the functions they call (`{calls a, b}`). Where several functions share a name (copies of
/// one generic function made by different crates, shims calling the same function), each takes
/// its rank among them in the module (`#2`), so that one profile tells them apart.
fn stable_names(module: &Module) -> HashMap<FunctionId, String> {
    let named = |id: &FunctionId| module.funcs.get(*id).name.as_deref().map(stable_name);
    let names: Vec<(FunctionId, String)> = module
        .funcs
        .iter_local()
        .map(|(id, _)| {
            let name = named(&id).unwrap_or_else(|| {
                let callees: BTreeSet<String> = called_by(module, std::iter::once(id))
                    .iter()
                    .filter_map(named)
                    .collect();
                format!("{{calls {}}}", Vec::from_iter(callees).join(", "))
            });
            (id, name)
        })
        .collect();
    let mut count: HashMap<String, usize> = HashMap::new();
    for (_, name) in &names {
        *count.entry(name.clone()).or_default() += 1;
    }
    let mut rank: HashMap<String, usize> = HashMap::new();
    names
        .into_iter()
        .map(|(id, name)| {
            if count[&name] == 1 {
                return (id, name);
            }
            let n = rank.entry(name.clone()).or_default();
            *n += 1;
            (id, format!("{name}#{n}"))
        })
        .collect()
}

/// The stable names of the local functions at `indices` (from `instrument`'s memory).
pub fn names_of(wasm: &[u8], indices: &HashSet<usize>) -> Result<BTreeSet<String>, Fail> {
    let module = parse(wasm)?;
    Ok(stable_names(&module)
        .into_iter()
        .filter(|(id, _)| indices.contains(&id.index()))
        .map(|(_, name)| name)
        .collect())
}

/// The same module, writing 1 at `__profile[i]` on entry to function `i`, and at
/// `__profile[functions + a - start]` when it reads the data byte at address `a` (a load, or
/// the source of `memory.copy`), for the data the segments span from `start`.
pub fn instrument(wasm: &[u8]) -> Result<(Vec<u8>, ProfileLayout), Fail> {
    let mut module = parse(wasm)?;
    let count = module.funcs.iter().count() as u32;
    let data = split_data::span(&module)?;
    let layout = ProfileLayout {
        functions: count,
        data: data.clone(),
    };
    let main = split_data::only_memory(&module)?;
    let pages = u64::from(count + data.len() as u32 + 1).div_ceil(65536);
    let profile = module.memories.add_local(false, false, pages, None, None);
    module.exports.add(PROFILE_MEMORY, profile);
    let mut reads = split_data::MarkReads {
        main,
        profile,
        marks_at: count,
        data,
        address: module.locals.add(ValType::I32),
        relative: module.locals.add(ValType::I32),
        length: module.locals.add(ValType::I32),
    };
    for (id, function) in module.funcs.iter_local_mut() {
        let entry = function.entry_block();
        dfs_pre_order_mut(&mut reads, function, entry);
        let mark = [
            Instr::Const(Const {
                value: Value::I32(id.index() as i32),
            }),
            Instr::Const(Const {
                value: Value::I32(1),
            }),
            Instr::Store(Store {
                memory: profile,
                kind: StoreKind::I32_8 { atomic: false },
                arg: MemArg {
                    align: 1,
                    offset: 0,
                },
            }),
        ];
        let block = &mut function.block_mut(entry).instrs;
        block.splice(0..0, mark.map(|instr| (instr, Default::default())));
    }
    Ok((module.emit_wasm(), layout))
}

/// Where `instrument` writes its marks in `__profile`.
pub struct ProfileLayout {
    /// Marks `0..functions` are functions entered.
    pub functions: u32,
    /// Mark `functions + i` is the data byte at `data.start + i` read.
    pub data: Range<u32>,
}

impl ProfileLayout {
    /// The data address a mark stands for, if it stands for one.
    pub fn address(&self, mark: u32) -> Option<u32> {
        let at = self.data.start + mark.checked_sub(self.functions)?;
        self.data.contains(&at).then_some(at)
    }
}

struct Called(HashSet<FunctionId>);

impl Visitor<'_> for Called {
    fn visit_function_id(&mut self, function: &FunctionId) {
        self.0.insert(*function);
    }
}

fn called_by(module: &Module, functions: impl Iterator<Item = FunctionId>) -> HashSet<FunctionId> {
    let mut called = Called(HashSet::new());
    for id in functions {
        if let FunctionKind::Local(local) = &module.funcs.get(id).kind {
            dfs_in_order(&mut called, local, local.entry_block());
        }
    }
    called.0
}

/// Functions `from` reaches by direct calls: the loader must never wait for itself.
fn reach(module: &Module, from: FunctionId) -> HashSet<usize> {
    let mut seen = HashSet::from([from]);
    let mut todo = vec![from];
    while let Some(id) = todo.pop() {
        for next in called_by(module, std::iter::once(id)) {
            if seen.insert(next) {
                todo.push(next);
            }
        }
    }
    seen.into_iter().map(|id| id.index()).collect()
}

pub struct Split {
    pub primary: Vec<u8>,
    pub rest: Vec<u8>,
    pub kept: usize,
    pub deferred: usize,
    pub stubs: usize,
    /// Bytes of data moved to the rest.
    pub moved_data: usize,
    /// Where they were.
    pub moved: Vec<Range<u32>>,
}

/// `start_up`: the stable names of the functions start-up runs; `statics`: the data the linker
/// placed, from its map.
pub fn split(wasm: &[u8], start_up: &BTreeSet<String>, statics: &[Static]) -> Result<Split, Fail> {
    let mut primary = parse_without_names(wasm)?;
    let mut rest = parse_without_names(wasm)?;
    let ran: HashSet<usize> = stable_names(&primary)
        .into_iter()
        .filter(|(_, name)| start_up.contains(name))
        .map(|(id, _)| id.index())
        .collect();
    let load = primary
        .exports
        .iter()
        .find_map(|e| match e.item {
            ExportItem::Function(f) if e.name == LOAD => Some(f),
            _ => None,
        })
        .ok_or_else(|| Fail::new(format!("the wasm has no `{LOAD}` export (src/deferred.rs)")))?;
    let keep = reach(&primary, load);
    let deferred: BTreeSet<usize> = primary
        .funcs
        .iter_local()
        .map(|(id, _)| id.index())
        .filter(|i| !ran.contains(i) && !keep.contains(i))
        .collect();

    let kept: Vec<FunctionId> = primary
        .funcs
        .iter_local()
        .map(|(id, _)| id)
        .filter(|id| !deferred.contains(&id.index()))
        .collect();
    // Deferred functions the primary still names need a stub there.
    let mut named: HashSet<usize> = called_by(&primary, kept.iter().copied())
        .into_iter()
        .map(|id| id.index())
        .collect();
    for element in primary.elements.iter() {
        match &element.items {
            ElementItems::Functions(functions) => {
                named.extend(functions.iter().map(|f| f.index()));
            }
            ElementItems::Expressions(_, expressions) => {
                named.extend(expressions.iter().filter_map(|e| match e {
                    ConstExpr::RefFunc(f) => Some(f.index()),
                    _ => None,
                }));
            }
        }
    }
    for export in primary.exports.iter() {
        if let ExportItem::Function(f) = export.item {
            named.insert(f.index());
        }
    }
    named.extend(primary.start.map(|f| f.index()));
    let stubbed: Vec<usize> = deferred
        .iter()
        .copied()
        .filter(|i| named.contains(i))
        .collect();
    let slots = stubbed.len() as u64;
    let moved = split_data::movable_ranges(&primary, &kept, statics)?;

    let needed = make_rest(&mut rest, &deferred, &stubbed)?;
    make_primary(&mut primary, load, &stubbed, &needed)?;
    let moved_data = split_data::move_data(&mut primary, &mut rest, &moved)?;
    Ok(Split {
        primary: primary.emit_wasm(),
        rest: rest.emit_wasm(),
        kept: kept.len(),
        deferred: deferred.len(),
        stubs: slots as usize,
        moved_data,
        moved,
    })
}

/// The rest: deferred bodies; every other item becomes an import `p.<kind><index>`. Returns
/// the names it ended up importing, which the primary must export.
fn make_rest(
    rest: &mut Module,
    deferred: &BTreeSet<usize>,
    stubbed: &[usize],
) -> Result<Vec<String>, Fail> {
    let functions: Vec<FunctionId> = rest.funcs.iter().map(|f| f.id()).collect();
    for id in &functions {
        let name = format!("f{}", id.index());
        let ty = rest.funcs.get(*id).ty();
        match &rest.funcs.get(*id).kind {
            FunctionKind::Import(imported) => rename(rest, imported.import, name),
            FunctionKind::Local(_) if !deferred.contains(&id.index()) => {
                let import = rest.imports.add("p", &name, *id);
                rest.funcs.get_mut(*id).kind =
                    FunctionKind::Import(ImportedFunction { import, ty });
            }
            _ => {}
        }
    }
    let globals: Vec<_> = rest.globals.iter().map(|g| g.id()).collect();
    for id in globals {
        let name = format!("g{}", id.index());
        match rest.globals.get(id).kind {
            GlobalKind::Import(import) => rename(rest, import, name),
            GlobalKind::Local(_) => {
                let import = rest.imports.add("p", &name, id);
                rest.globals.get_mut(id).kind = GlobalKind::Import(import);
            }
        }
    }
    let tables: Vec<_> = rest.tables.iter().map(|t| t.id()).collect();
    for id in tables {
        let name = format!("t{}", id.index());
        let table = rest.tables.get_mut(id);
        table.elem_segments.clear();
        table.init = None;
        match table.import {
            Some(import) => rename(rest, import, name),
            None => {
                let import = rest.imports.add("p", &name, id);
                rest.tables.get_mut(id).import = Some(import);
            }
        }
    }
    let memories: Vec<_> = rest.memories.iter().map(|m| m.id()).collect();
    for id in memories {
        let name = format!("m{}", id.index());
        let memory = rest.memories.get_mut(id);
        memory.data_segments.clear();
        match memory.import {
            Some(import) => rename(rest, import, name),
            None => {
                let import = rest.imports.add("p", &name, id);
                rest.memories.get_mut(id).import = Some(import);
            }
        }
    }
    let data: Vec<_> = rest.data.iter().map(|d| d.id()).collect();
    for id in data {
        rest.data.delete(id);
    }
    let elements: Vec<_> = rest.elements.iter().map(|e| e.id()).collect();
    for id in elements {
        rest.elements.delete(id);
    }
    let exports: Vec<_> = rest.exports.iter().map(|e| e.id()).collect();
    for id in exports {
        rest.exports.delete(id);
    }
    let customs: Vec<_> = rest.customs.iter().map(|(id, _)| id).collect();
    for id in customs {
        rest.customs.delete(id);
    }
    rest.start = None;
    rest.producers.clear();

    let slots = stubbed.len() as u64;
    let (table, _) = rest.add_import_table("p", TABLE, false, slots, Some(slots), RefType::FUNCREF);
    let by_index: HashMap<usize, FunctionId> = rest
        .funcs
        .iter()
        .map(|f| (f.id().index(), f.id()))
        .collect();
    let segment = rest.elements.add(
        ElementKind::Active {
            table,
            offset: ConstExpr::Value(Value::I32(0)),
        },
        ElementItems::Functions(stubbed.iter().map(|i| by_index[i]).collect()),
    );
    rest.tables.get_mut(table).elem_segments.insert(segment);
    walrus::passes::gc::run(rest);
    if rest.data.iter().next().is_some() {
        return Err(Fail::new("deferred code uses a passive data segment"));
    }
    Ok(rest
        .imports
        .iter()
        .filter(|i| i.module == "p" && i.name != TABLE)
        .map(|i| i.name.clone())
        .collect())
}

fn rename(module: &mut Module, import: walrus::ImportId, name: String) {
    let import = module.imports.get_mut(import);
    import.module = "p".into();
    import.name = name;
}

/// The primary: stubs in place of deferred functions it still names, the stubs' table and
/// flag, and an export for everything the rest imports.
fn make_primary(
    primary: &mut Module,
    load: FunctionId,
    stubbed: &[usize],
    needed: &[String],
) -> Result<(), Fail> {
    let slots = stubbed.len() as u64;
    let table = primary
        .tables
        .add_local(false, slots, Some(slots), RefType::FUNCREF);
    primary.exports.add(TABLE, table);
    let loaded =
        primary
            .globals
            .add_local(ValType::I32, true, false, ConstExpr::Value(Value::I32(0)));
    primary.exports.add(LOADED, loaded);

    let functions: HashMap<usize, FunctionId> = primary
        .funcs
        .iter()
        .map(|f| (f.id().index(), f.id()))
        .collect();
    // One dispatcher per signature holds the check and the indirect call; a stub only adds
    // its slot (fewer bytes for thousands of stubs).
    let mut dispatchers: HashMap<TypeId, FunctionId> = HashMap::new();
    for (slot, index) in stubbed.iter().enumerate() {
        let id = functions[index];
        let ty = primary.funcs.get(id).ty();
        let (params, results) = {
            let ty = primary.types.get(ty);
            (ty.params().to_vec(), ty.results().to_vec())
        };
        let dispatcher = *dispatchers.entry(ty).or_insert_with(|| {
            let mut with_slot = params.clone();
            with_slot.push(ValType::I32);
            let mut builder = FunctionBuilder::new(&mut primary.types, &with_slot, &results);
            let args: Vec<LocalId> = with_slot.iter().map(|t| primary.locals.add(*t)).collect();
            let mut body = builder.func_body();
            body.global_get(loaded).unop(UnaryOp::I32Eqz).if_else(
                None,
                |then| {
                    then.call(load);
                },
                |_| {},
            );
            for arg in &args {
                body.local_get(*arg);
            }
            body.call_indirect(ty, table);
            builder.finish(args, &mut primary.funcs)
        });
        let mut builder = FunctionBuilder::new(&mut primary.types, &params, &results);
        let args: Vec<LocalId> = params.iter().map(|t| primary.locals.add(*t)).collect();
        let mut body = builder.func_body();
        for arg in &args {
            body.local_get(*arg);
        }
        body.i32_const(slot as i32).call(dispatcher);
        primary.funcs.get_mut(id).kind = FunctionKind::Local(builder.local_func(args));
    }

    let globals: HashMap<usize, _> = primary
        .globals
        .iter()
        .map(|g| (g.id().index(), g.id()))
        .collect();
    let tables: HashMap<usize, _> = primary
        .tables
        .iter()
        .map(|t| (t.id().index(), t.id()))
        .collect();
    let memories: HashMap<usize, _> = primary
        .memories
        .iter()
        .map(|m| (m.id().index(), m.id()))
        .collect();
    for name in needed {
        let index: usize = name[1..]
            .parse()
            .map_err(|_| Fail::new(format!("unexpected import name {name}")))?;
        let missing = || Fail::new(format!("the primary has no item for {name}"));
        let item: ExportItem = match &name[..1] {
            "f" => (*functions.get(&index).ok_or_else(missing)?).into(),
            "g" => (*globals.get(&index).ok_or_else(missing)?).into(),
            "t" => (*tables.get(&index).ok_or_else(missing)?).into(),
            "m" => (*memories.get(&index).ok_or_else(missing)?).into(),
            _ => return Err(missing()),
        };
        primary.exports.add(name, item);
    }
    walrus::passes::gc::run(primary);
    Ok(())
}

/// `a`, `b`, … `Z`, `ba`, …: the shortest names, for imports.
fn short_name(mut n: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = vec![LETTERS[n % LETTERS.len()]];
    n /= LETTERS.len();
    while n > 0 {
        name.push(LETTERS[n % LETTERS.len()]);
        n /= LETTERS.len();
    }
    name.reverse();
    String::from_utf8(name).expect("ASCII")
}

/// wasm-bindgen names each import `__wbg_<name>_<16 hex digits>`, in the wasm and as a key of
/// the glue's imports object: ~30 bytes of noise per import, twice, in the initial download.
/// Renames each one the glue `js` names exactly once to a short name, in both.
pub fn shorten_imports(wasm: &[u8], js: &str) -> Result<(Vec<u8>, String), Fail> {
    let mut module = parse(wasm)?;
    let mut js = js.to_owned();
    let mut next = 0;
    let ids: Vec<_> = module.imports.iter().map(|i| i.id()).collect();
    for id in ids {
        let name = module.imports.get(id).name.clone();
        if !(name.starts_with("__wbg_") || name.starts_with("__wbindgen_"))
            || js.matches(&name).count() != 1
        {
            continue;
        }
        let short = loop {
            let candidate = short_name(next);
            next += 1;
            if !js.contains(&format!("{candidate}:")) {
                break candidate;
            }
        };
        js = js.replacen(&name, &short, 1);
        module.imports.get_mut(id).name = short;
    }
    Ok((module.emit_wasm(), js))
}

#[cfg(test)]
mod tests {
    use super::*;
    use walrus::ir::{BinaryOp, LoadKind};
    use walrus::DataKind;

    /// A module with an exported entry that calls `a` directly and `b` through a table, and
    /// the `__deferred_load` export the stubs need.
    fn sample() -> Vec<u8> {
        let mut module = Module::default();
        let memory = module.memories.add_local(false, false, 1, None, None);
        module.exports.add("memory", memory);
        let mut load = FunctionBuilder::new(&mut module.types, &[], &[]);
        load.func_body();
        let load = load.finish(vec![], &mut module.funcs);
        module.exports.add(LOAD, load);
        let make = |module: &mut Module, k: i32| {
            let mut f = FunctionBuilder::new(&mut module.types, &[ValType::I32], &[ValType::I32]);
            let x = module.locals.add(ValType::I32);
            f.func_body()
                .local_get(x)
                .i32_const(k)
                .load(
                    memory,
                    LoadKind::I32 { atomic: false },
                    MemArg {
                        align: 4,
                        offset: 0,
                    },
                )
                .binop(BinaryOp::I32Add);
            f.finish(vec![x], &mut module.funcs)
        };
        // a and b name data only they use (see `sample_statics`).
        let a = make(&mut module, 1008);
        let b = make(&mut module, 1032);
        module.funcs.get_mut(a).name = Some("sample::a::h0123456789abcdef".into());
        module.funcs.get_mut(b).name = Some("sample::b::h0123456789abcdef".into());
        let table = module.tables.add_local(false, 1, Some(1), RefType::FUNCREF);
        let segment = module.elements.add(
            ElementKind::Active {
                table,
                offset: ConstExpr::Value(Value::I32(0)),
            },
            ElementItems::Functions(vec![b]),
        );
        module.tables.get_mut(table).elem_segments.insert(segment);
        let ty = module.types.add(&[ValType::I32], &[ValType::I32]);
        let mut entry = FunctionBuilder::new(&mut module.types, &[ValType::I32], &[ValType::I32]);
        let x = module.locals.add(ValType::I32);
        entry
            .func_body()
            .i32_const(1000)
            .drop()
            .local_get(x)
            .call(a)
            .i32_const(0)
            .call_indirect(ty, table);
        let entry = entry.finish(vec![x], &mut module.funcs);
        module.funcs.get_mut(entry).name = Some("sample::entry::hfedcba9876543210".into());
        module.exports.add("entry", entry);
        let mut bytes: Vec<u8> = (0..44).collect();
        // The static at 1000 points into the one at 1024.
        bytes[..4].copy_from_slice(&1028u32.to_le_bytes());
        let data = module.data.add(
            DataKind::Active {
                memory,
                offset: ConstExpr::Value(Value::I32(1000)),
            },
            bytes,
        );
        module.memories.get_mut(memory).data_segments.insert(data);
        module.emit_wasm()
    }

    /// The statics of `sample`: the entry names the first, which points to the fourth.
    fn sample_statics() -> Vec<Static> {
        let at = |start, end, movable| Static {
            start,
            end,
            movable,
            section: format!(".rodata.{start}"),
        };
        vec![
            at(1000, 1004, true),
            at(1004, 1008, true),
            at(1008, 1016, true),
            at(1024, 1032, true),
            at(1032, 1040, true),
            at(1040, 1044, false),
        ]
    }

    fn data_of(module: &Module) -> Vec<(i32, Vec<u8>)> {
        let mut out: Vec<_> = module
            .data
            .iter()
            .map(|d| match &d.kind {
                DataKind::Active {
                    offset: ConstExpr::Value(Value::I32(at)),
                    ..
                } => (*at, d.value.clone()),
                _ => panic!("an active segment"),
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn data_only_deferred_code_names_moves_to_the_rest() {
        let wasm = sample();
        let ran = BTreeSet::from(["sample::entry".to_string()]);
        let split = split(&wasm, &ran, &sample_statics()).unwrap();
        assert_eq!(split.moved_data, 16);
        let original: Vec<u8> = data_of(&parse(&wasm).unwrap()).remove(0).1;
        let piece = |from: i32, to: i32| {
            (
                from,
                original[(from - 1000) as usize..(to - 1000) as usize].to_vec(),
            )
        };
        assert_eq!(
            data_of(&parse(&split.primary).unwrap()),
            vec![piece(1000, 1008), piece(1016, 1032), piece(1040, 1044)],
            "the named static, its neighbour, what it points to, the padding and .data stay"
        );
        assert_eq!(
            data_of(&parse(&split.rest).unwrap()),
            vec![piece(1008, 1016), piece(1032, 1040)],
            "what only a and b name moves"
        );
    }

    #[test]
    fn names_lose_their_hashes_and_nothing_else() {
        assert_eq!(
            stable_name("partner_center::app::App::view::h0123456789abcdef"),
            "partner_center::app::App::view"
        );
        assert_eq!(
            stable_name("core[3f2a]::ptr::drop_in_place<[u8; 4]>[12]"),
            "core::ptr::drop_in_place<[u8; 4]>"
        );
        assert_eq!(
            stable_name("<Navigator as Clone>::clone.2273"),
            "<Navigator as Clone>::clone"
        );
        assert_eq!(
            stable_name("a::h0123456789abcdefg::b"),
            "a::h0123456789abcdefg::b",
            "not a hash: one character too many"
        );
    }

    #[test]
    fn functions_start_up_never_ran_move_to_the_rest_behind_stubs() {
        let wasm = sample();
        let module = parse(&wasm).unwrap();
        let entry = module.exports.iter().find(|e| e.name == "entry").unwrap();
        let ExportItem::Function(entry) = entry.item else {
            panic!()
        };
        let ran = names_of(&wasm, &HashSet::from([entry.index()])).unwrap();
        assert_eq!(ran, BTreeSet::from(["sample::entry".to_string()]));
        let split = split(&wasm, &ran, &[]).unwrap();
        assert_eq!(
            (split.deferred, split.stubs),
            (2, 2),
            "a and b, both named by the primary"
        );
        assert_eq!(split.kept, 2, "the entry and the loader");

        let rest = parse(&split.rest).unwrap();
        assert_eq!(rest.funcs.iter_local().count(), 2, "the rest holds a and b");
        let primary = parse(&split.primary).unwrap();
        let exported: HashSet<&str> = primary.exports.iter().map(|e| e.name.as_str()).collect();
        for import in rest.imports.iter() {
            assert_eq!(import.module, "p");
            assert!(
                exported.contains(import.name.as_str()),
                "{} is exported",
                import.name
            );
        }
        assert!(exported.contains(TABLE) && exported.contains(LOADED));
        assert!(
            primary
                .funcs
                .iter()
                .chain(rest.funcs.iter())
                .all(|f| f.name.is_none()),
            "no name section in what is served"
        );
    }

    #[test]
    fn a_function_without_a_name_goes_by_those_it_calls() {
        let wasm = sample();
        let mut module = parse(&wasm).unwrap();
        let entry = module
            .funcs
            .by_name("sample::entry::hfedcba9876543210")
            .unwrap();
        module.funcs.get_mut(entry).name = None;
        let names = stable_names(&module);
        assert_eq!(names[&entry], "{calls sample::a}");
        let b = module
            .funcs
            .by_name("sample::b::h0123456789abcdef")
            .unwrap();
        module.funcs.get_mut(b).name = Some("sample::a::h1111111111111111".into());
        let names = stable_names(&module);
        let a = module
            .funcs
            .by_name("sample::a::h0123456789abcdef")
            .unwrap();
        assert_eq!(
            (names[&a].as_str(), names[&b].as_str()),
            ("sample::a#1", "sample::a#2"),
            "two copies of one function, told apart by rank"
        );
    }

    #[test]
    fn the_same_profile_gives_the_same_bytes() {
        let profile = BTreeSet::from(["sample::entry".to_string()]);
        let (one, two) = (
            split(&sample(), &profile, &sample_statics()).unwrap(),
            split(&sample(), &profile, &sample_statics()).unwrap(),
        );
        assert!(one.primary == two.primary && one.rest == two.rest);
    }

    #[test]
    fn the_instrumented_module_exports_its_profile_memory() {
        let (wasm, layout) = instrument(&sample()).unwrap();
        let module = parse(&wasm).unwrap();
        assert!(module.exports.iter().any(|e| e.name == PROFILE_MEMORY));
        assert_eq!(layout.data, 1000..1044, "the sample's one segment");
        let functions = layout.functions;
        assert_eq!(
            [functions - 1, functions, functions + 43, functions + 44].map(|m| layout.address(m)),
            [None, Some(1000), Some(1043), None]
        );
        // Each of a's and b's loads is preceded by a mark in the profile memory.
        let profile = module.memories.iter().nth(1).unwrap().id();
        let a = module
            .funcs
            .by_name("sample::a::h0123456789abcdef")
            .unwrap();
        let walrus::FunctionKind::Local(a) = &module.funcs.get(a).kind else {
            panic!()
        };
        let body = &a.block(a.entry_block()).instrs;
        let load = body
            .iter()
            .position(|(i, _)| matches!(i, Instr::Load(_)))
            .unwrap();
        assert!(matches!(&body[load - 12].0, Instr::LocalTee(_)));
        assert!(
            matches!(&body[load - 1].0, Instr::Store(s) if s.memory == profile && s.arg.offset == u64::from(functions))
        );
    }

    #[test]
    fn imports_get_short_names_in_the_wasm_and_the_glue_alike() {
        let mut module = Module::default();
        let ty = module.types.add(&[], &[]);
        let (f, _) = module.add_import_func("wbg", "__wbg_alert_0123456789abcdef", ty);
        module.exports.add("run", f);
        let js = "const imports = { __wbg_alert_0123456789abcdef: function() { alert(1) } };";
        let (wasm, js) = shorten_imports(&module.emit_wasm(), js).unwrap();
        let module = parse(&wasm).unwrap();
        let import = module.imports.iter().next().unwrap();
        assert_eq!(import.name, "a");
        assert_eq!(js, "const imports = { a: function() { alert(1) } };");
        assert_eq!(short_name(52), "ba");
    }

    #[test]
    fn a_wasm_without_the_loader_export_is_refused() {
        let mut module = Module::default();
        let error = split(&module.emit_wasm(), &BTreeSet::new(), &[])
            .err()
            .unwrap();
        assert!(error.to_string().contains(LOAD));
    }
}
