import Foundation

/// Gives each distinct cell value of a column a small number while the file is read, so a
/// column is stored as numbers plus its few distinct strings. Reading then makes one String per
/// distinct value rather than per cell, a date is parsed once per distinct value, and a rule tests
/// a code list with an array look-up instead of hashing a string on every row.
///
/// Open addressing over the raw bytes (`hash`), because hashing `String`s cell by cell was the
/// slowest part of reading and of the code-list rules.
struct CellInterner {
    /// 0 is the empty cell; distinct values count from 1.
    private(set) var values: [String] = [""]
    /// Each slot the high half of a value's hash beside its number (0: free), so a probe that
    /// meets another value is told apart without reading `hashes` or the value's bytes: most
    /// cells are values already seen, and in a column of thousands of values each read elsewhere
    /// is a cache miss.
    private var slots: [UInt64] = Array(repeating: 0, count: 64)
    /// Each value's whole hash, for `grow`.
    private var hashes: [UInt64] = [0]
    private var arena: [UInt8] = []
    /// Value `id`'s bytes are `arena[starts[id]..<starts[id + 1]]`.
    private var starts: [Int] = [0, 0]

    private static let numberBits: UInt64 = 0xFFFF_FFFF

    mutating func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard !bytes.isEmpty else { return 0 }
        let hash = Self.hash(bytes)
        let (found, slot) = find(bytes, hash: hash)
        if let found { return found }
        let id = Int32(values.count)
        values.append(String(decoding: bytes, as: UTF8.self))
        hashes.append(hash)
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        slots[slot] = Self.slot(hash, id)
        if values.count * 2 > slots.count { grow() }
        return id
    }

    /// The number of a value already held, without adding it: nil when it is not held.
    func existingID(of bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard !bytes.isEmpty else { return 0 }
        return find(bytes, hash: Self.hash(bytes)).id
    }

    private static func slot(_ hash: UInt64, _ id: Int32) -> UInt64 {
        hash & ~numberBits | UInt64(UInt32(id))
    }

    /// The value's number, or the free slot where it would go.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (id: Int32?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            let id = Int(truncatingIfNeeded: entry & Self.numberBits)
            if id == 0 { return (nil, slot) }
            if entry & ~Self.numberBits == hash & ~Self.numberBits, equal(id, bytes) { return (Int32(id), slot) }
            slot = (slot + 1) & mask
        }
    }

    /// Eight bytes at a time, then byte by byte, never reading past either buffer: cells are a
    /// few bytes, and calling `memcmp` for each was 3% of a validation's profile.
    private func equal(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id], count = bytes.count
        guard starts[id + 1] - start == count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            let stored = UnsafeRawPointer(arena.baseAddress! + start), given = UnsafeRawPointer(bytes.baseAddress!)
            var offset = 0
            while offset + 8 <= count {
                guard stored.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                        == given.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { return false }
                offset += 8
            }
            while offset < count {
                guard arena[start + offset] == bytes[offset] else { return false }
                offset += 1
            }
            return true
        }
    }

    /// Eight bytes at a time, then the rest, mixed so that the low bits (the slot) depend on every
    /// byte: every cell of a return is hashed once as it is read.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let base = UnsafeRawPointer(bytes.baseAddress!)
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        var tail: UInt64 = 0
        for index in offset..<bytes.count { tail |= UInt64(bytes[index]) << UInt64(8 * (index - offset)) }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 29)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for id in 1..<values.count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Self.slot(hashes[id], Int32(id))
        }
    }
}
