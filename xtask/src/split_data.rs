//! Moves the read-only data only deferred code uses out of the first module.
//!
//! Half of the first module was data (string literals, messages, vtables, panic locations):
//! the rest shares the primary's memory, so at first all data stayed there. The linker's map
//! (`--Map`, written by `build.rs` beside the release wasm) gives each static's address and
//! size; wasm-bindgen and wasm-opt keep the addresses. A static stays in the primary when the
//! code kept there names an address in it (a constant, either half of a 64-bit one, or a load's
//! or store's offset), or when a static that stays holds a pointer into it; the others become
//! active data segments of the rest, written into the shared memory when the rest is
//! instantiated, before any deferred function runs.
//!
//! Conservative where the compiler may be clever: a constant keeps the static it falls in and
//! both neighbours (an address folded as `array - 4 + 4 * i` lands in the static before), and
//! only `.rodata` statics move: the linker's merged strings (`<internal>`), `.data` and `.bss`
//! stay whole.

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;

use walrus::ir::{
    dfs_in_order, BinaryOp, Const, Instr, InstrSeq, Load, LocalGet, LocalSet, LocalTee, MemArg,
    Select, Store, StoreKind, Value, Visitor, VisitorMut,
};
use walrus::{
    ConstExpr, DataKind, FunctionId, FunctionKind, GlobalKind, LocalId, MemoryId, Module,
};

use crate::tools::Fail;

/// One static the linker placed: `start..end` in memory.
#[derive(Debug, Clone, PartialEq)]
pub struct Static {
    pub start: u32,
    pub end: u32,
    /// Read-only and of known bounds: may move to the rest.
    pub movable: bool,
    /// Its input section, for messages.
    pub section: String,
}

/// The data statics of a wasm-ld map (`--Map`), sorted by address.
///
/// An input section's line reads `addr off size file:(section)`; symbol lines carry no `:(`
/// and other output sections no address.
pub fn read_link_map(text: &str) -> Vec<Static> {
    let mut statics: Vec<Static> = text
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let start = u32::from_str_radix(fields.next()?, 16).ok()?;
            let _file_offset = fields.next()?;
            let size = u32::from_str_radix(fields.next()?, 16).ok()?;
            let input = fields.collect::<Vec<_>>().join(" ");
            let (file, section) = input.rsplit_once(":(")?;
            let section = section.strip_suffix(')')?;
            (size > 0).then(|| Static {
                start,
                end: start + size,
                movable: section.starts_with(".rodata") && file != "<internal>",
                section: section.to_owned(),
            })
        })
        .collect();
    statics.sort_by_key(|s| s.start);
    statics
}

/// The map beside the release wasm, if the same link wrote both.
pub fn read_map_beside(wasm: &Path) -> Result<Vec<Static>, Fail> {
    let map = wasm.with_extension("map");
    let when = |path: &Path| {
        std::fs::metadata(path)
            .and_then(|m| m.modified())
            .map_err(|e| Fail::new(format!("{}: {e}", path.display())))
    };
    // One link writes the map, then the wasm, a few milliseconds apart.
    let (written, linked) = (when(&map)?, when(wasm)?);
    let apart = linked
        .duration_since(written)
        .or_else(|_| written.duration_since(linked))
        .unwrap_or_default();
    if apart > std::time::Duration::from_secs(10) {
        return Err(Fail::new(format!(
            "{} and {} were not written by one link (build.rs asks the linker for the map)",
            map.display(),
            wasm.display()
        )));
    }
    let text =
        std::fs::read_to_string(&map).map_err(|e| Fail::new(format!("{}: {e}", map.display())))?;
    let statics = read_link_map(&text);
    if statics.is_empty() {
        return Err(Fail::new(format!("{}: no data statics", map.display())));
    }
    Ok(statics)
}

/// Every address a function's code names: its `i32` constants and its memory offsets.
#[derive(Default)]
struct Named(Vec<u32>);

impl Visitor<'_> for Named {
    fn visit_const(&mut self, instr: &Const) {
        match instr.value {
            Value::I32(value) => self.0.push(value as u32),
            // Two 32-bit words stored at once (a pointer and a length, say).
            Value::I64(value) => self.0.extend([value as u32, (value >> 32) as u32]),
            _ => {}
        }
    }

    fn visit_load(&mut self, instr: &Load) {
        self.0.push(instr.arg.offset as u32);
    }

    fn visit_store(&mut self, instr: &Store) {
        self.0.push(instr.arg.offset as u32);
    }
}

/// The memory the active data segments write: `(address, bytes)`, sorted.
fn segments(module: &Module) -> Result<Vec<(u32, &[u8])>, Fail> {
    let mut out = Vec::new();
    for data in module.data.iter() {
        match &data.kind {
            DataKind::Active {
                offset: ConstExpr::Value(Value::I32(at)),
                ..
            } => out.push((*at as u32, &data.value[..])),
            _ => {
                return Err(Fail::new(
                    "a data segment is passive or at a computed address",
                ))
            }
        }
    }
    out.sort_by_key(|(at, _)| *at);
    Ok(out)
}

/// The addresses the data segments span, from the first segment's start to the last one's end.
pub fn span(module: &Module) -> Result<Range<u32>, Fail> {
    let memory = segments(module)?;
    let start = memory.first().map_or(0, |(at, _)| *at);
    let end = memory
        .iter()
        .map(|(at, bytes)| at + bytes.len() as u32)
        .max()
        .unwrap_or(start);
    Ok(start..end)
}

/// Instrumentation for the profile (`split::instrument`): before each read of `main` (a load,
/// or `memory.copy`'s source), writes 1 at `profile[marks_at + address - data.start]` when the
/// address falls in `data`, else at the slot just past those marks.
pub struct MarkReads {
    pub main: MemoryId,
    pub profile: MemoryId,
    pub marks_at: u32,
    pub data: Range<u32>,
    pub address: LocalId,
    pub relative: LocalId,
    pub length: LocalId,
}

impl MarkReads {
    /// With the read's address in `self.address`: leaves the stack as it found it.
    fn mark(&self, offset: u32) -> Vec<Instr> {
        let constant = |value: u32| {
            Instr::Const(Const {
                value: Value::I32(value as i32),
            })
        };
        let span = self.data.len() as u32;
        vec![
            Instr::LocalGet(LocalGet {
                local: self.address,
            }),
            constant(offset.wrapping_sub(self.data.start)),
            Instr::Binop(walrus::ir::Binop {
                op: BinaryOp::I32Add,
            }),
            Instr::LocalTee(LocalTee {
                local: self.relative,
            }),
            constant(span),
            Instr::LocalGet(LocalGet {
                local: self.relative,
            }),
            constant(span),
            Instr::Binop(walrus::ir::Binop {
                op: BinaryOp::I32LtU,
            }),
            Instr::Select(Select { ty: None }),
            constant(1),
            Instr::Store(Store {
                memory: self.profile,
                kind: StoreKind::I32_8 { atomic: false },
                arg: MemArg {
                    align: 1,
                    offset: u64::from(self.marks_at),
                },
            }),
        ]
    }
}

impl VisitorMut for MarkReads {
    fn start_instr_seq_mut(&mut self, seq: &mut InstrSeq) {
        let instrs = std::mem::take(&mut seq.instrs);
        for (instr, at) in instrs {
            let before = match &instr {
                Instr::Load(load) if load.memory == self.main => {
                    let mut before = vec![Instr::LocalTee(LocalTee {
                        local: self.address,
                    })];
                    before.extend(self.mark(load.arg.offset as u32));
                    before
                }
                // [destination, source, length]: the source is under the length.
                Instr::MemoryCopy(copy) if copy.src == self.main => {
                    let mut before = vec![
                        Instr::LocalSet(LocalSet { local: self.length }),
                        Instr::LocalTee(LocalTee {
                            local: self.address,
                        }),
                    ];
                    before.extend(self.mark(0));
                    before.push(Instr::LocalGet(LocalGet { local: self.length }));
                    before
                }
                _ => Vec::new(),
            };
            seq.instrs
                .extend(before.into_iter().map(|i| (i, Default::default())));
            seq.instrs.push((instr, at));
        }
    }
}

/// The statics' indices that must stay in the primary.
fn kept(
    module: &Module,
    primary_code: &[FunctionId],
    statics: &[Static],
) -> Result<Vec<bool>, Fail> {
    let index_of = |address: u32| {
        let i = statics.partition_point(|s| s.start <= address);
        (i > 0 && address < statics[i - 1].end).then(|| i - 1)
    };
    let mut keep: Vec<bool> = statics.iter().map(|s| !s.movable).collect();

    let mut named = Named::default();
    for id in primary_code {
        if let FunctionKind::Local(local) = &module.funcs.get(*id).kind {
            dfs_in_order(&mut named, local, local.entry_block());
        }
    }
    for global in module.globals.iter() {
        if let GlobalKind::Local(ConstExpr::Value(Value::I32(value))) = global.kind {
            named.0.push(value as u32);
        }
    }
    for address in named.0 {
        // The static after the address, when it falls between two.
        let at = statics.partition_point(|s| s.end <= address);
        if at < statics.len() && address >= statics.first().map_or(0, |s| s.start) {
            let neighbours = at.saturating_sub(1)..(at + 2).min(statics.len());
            keep[neighbours].fill(true);
        }
    }

    // What kept statics point to stays too.
    let memory = segments(module)?;
    let word = |address: u32| -> Option<u32> {
        let i = memory
            .partition_point(|(at, _)| *at <= address)
            .checked_sub(1)?;
        let (at, bytes) = memory[i];
        let from = (address - at) as usize;
        bytes
            .get(from..from + 4)
            .map(|b| u32::from_le_bytes(b.try_into().expect("4 bytes")))
    };
    let mut todo: Vec<usize> = (0..statics.len()).filter(|i| keep[*i]).collect();
    while let Some(i) = todo.pop() {
        let s = &statics[i];
        let mut address = s.start.next_multiple_of(4);
        while address + 4 <= s.end {
            if let Some(pointer) = word(address) {
                for j in [index_of(pointer), index_of(pointer.wrapping_sub(1))]
                    .into_iter()
                    .flatten()
                {
                    if !keep[j] {
                        keep[j] = true;
                        todo.push(j);
                    }
                }
            }
            address += 4;
        }
    }
    Ok(keep)
}

/// The address ranges to move: runs of adjacent statics that do not stay.
pub fn movable_ranges(
    module: &Module,
    primary_code: &[FunctionId],
    statics: &[Static],
) -> Result<Vec<Range<u32>>, Fail> {
    let keep = kept(module, primary_code, statics)?;
    let mut ranges: Vec<Range<u32>> = Vec::new();
    for (s, _) in statics.iter().zip(&keep).filter(|(_, keep)| !**keep) {
        match ranges.last_mut() {
            Some(last) if last.end == s.start => last.end = s.end,
            _ => ranges.push(s.start..s.end),
        }
    }
    Ok(ranges)
}

/// The statics, by section and address, that hold an address of `reads` and lie in `moved`.
pub fn statics_read(
    reads: &BTreeSet<u32>,
    moved: &[Range<u32>],
    statics: &[Static],
) -> Vec<String> {
    statics
        .iter()
        .filter(|s| moved.iter().any(|m| m.start <= s.start && s.end <= m.end))
        .filter(|s| reads.range(s.start..s.end).next().is_some())
        .map(|s| format!("{} at {:#x}", s.section, s.start))
        .collect()
}

/// Takes `moved` out of the primary's data segments and writes it as active segments of the
/// rest, into the memory the rest imports. Returns the bytes moved.
pub fn move_data(
    primary: &mut Module,
    rest: &mut Module,
    moved: &[Range<u32>],
) -> Result<usize, Fail> {
    let memory = segments(primary)?
        .into_iter()
        .map(|(at, bytes)| (at, bytes.to_vec()))
        .collect::<Vec<_>>();
    // Each segment's pieces outside `moved` stay; those inside go.
    let mut staying: Vec<(u32, Vec<u8>)> = Vec::new();
    let mut going: Vec<(u32, Vec<u8>)> = Vec::new();
    for (at, bytes) in &memory {
        let end = at + bytes.len() as u32;
        let mut cursor = *at;
        for range in moved.iter().filter(|r| r.start < end && r.end > *at) {
            let (from, to) = (range.start.max(*at), range.end.min(end));
            if cursor < from {
                staying.push((
                    cursor,
                    bytes[(cursor - at) as usize..(from - at) as usize].to_vec(),
                ));
            }
            going.push((
                from,
                bytes[(from - at) as usize..(to - at) as usize].to_vec(),
            ));
            cursor = to;
        }
        if cursor < end {
            staying.push((cursor, bytes[(cursor - at) as usize..].to_vec()));
        }
    }
    let primary_memory = only_memory(primary)?;
    let old: Vec<_> = primary.data.iter().map(|d| d.id()).collect();
    for id in old {
        primary.data.delete(id);
    }
    primary
        .memories
        .get_mut(primary_memory)
        .data_segments
        .clear();
    add_segments(primary, primary_memory, staying);
    let rest_memory = only_memory(rest)?;
    let bytes = going.iter().map(|(_, b)| b.len()).sum();
    add_segments(rest, rest_memory, going);
    Ok(bytes)
}

pub fn only_memory(module: &Module) -> Result<MemoryId, Fail> {
    let mut memories = module.memories.iter();
    match (memories.next(), memories.next()) {
        (Some(memory), None) => Ok(memory.id()),
        _ => Err(Fail::new("the wasm must have exactly one memory")),
    }
}

fn add_segments(module: &mut Module, memory: MemoryId, segments: Vec<(u32, Vec<u8>)>) {
    for (at, bytes) in segments {
        let id = module.data.add(
            DataKind::Active {
                memory,
                offset: ConstExpr::Value(Value::I32(at as i32)),
            },
            bytes,
        );
        module.memories.get_mut(memory).data_segments.insert(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_gives_each_input_section_and_which_may_move() {
        let map = "    Addr      Off     Size Out     In      Symbol
       -        8      249 TYPE
       -   216040    30160 DATA
  100000   216041    30030 .rodata
  100000   21604b       28         /t/a.rcgu.o:(.rodata..Lanon.ce.0)
  100000   21604b       28                 .Lanon.ce.0
  100038   216083     41a6         <internal>:(.rodata)
  130030   24607b      118 .data
  130030   24607b        4         /t/a.rcgu.o:(.data.X)
  130034   24607b        0         /t/a.rcgu.o:(.data.empty)
  130148   216040      3b5 .bss
  130148   216040        8         /t/with space/a.rcgu.o:(.bss.Y)
";
        let at = |start, end, movable, section: &str| Static {
            start,
            end,
            movable,
            section: section.into(),
        };
        assert_eq!(
            read_link_map(map),
            vec![
                at(0x100000, 0x100028, true, ".rodata..Lanon.ce.0"),
                at(0x100038, 0x1041de, false, ".rodata"),
                at(0x130030, 0x130034, false, ".data.X"),
                at(0x130148, 0x130150, false, ".bss.Y"),
            ]
        );
    }

    #[test]
    fn a_read_is_reported_only_in_a_static_that_moved() {
        let at = |start, end| Static {
            start,
            end,
            movable: true,
            section: format!(".rodata.s{start}"),
        };
        let statics = [at(100, 108), at(108, 116), at(116, 124)];
        let moved = [108..116, 116..124];
        assert_eq!(
            statics_read(&BTreeSet::from([100, 120]), &moved, &statics),
            vec![".rodata.s116 at 0x74"]
        );
        assert!(statics_read(&BTreeSet::from([107, 124]), &moved, &statics).is_empty());
    }
}
