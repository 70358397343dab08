/// Gives each distinct cell value of a column a small number while the file is read, so a
/// column is stored as numbers plus its few distinct strings. Reading then makes one String per
/// distinct value rather than per cell, a date is parsed once per distinct value, and a rule tests
/// a code list with an array look-up instead of hashing a string on every row.
///
/// Open addressing over the raw bytes (FNV-1a), because hashing `String`s cell by cell was the
/// slowest part of reading and of the code-list rules.
struct CellInterner {
    /// 0 is the empty cell; distinct values count from 1.
    private(set) var values: [String] = [""]
    private var slots: [Int32] = Array(repeating: 0, count: 64)
    private var hashes: [UInt64] = [0]
    private var arena: [UInt8] = []
    private var bounds: [Range<Int>] = [0..<0]

    mutating func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard !bytes.isEmpty else { return 0 }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = Int(slots[slot])
            if id == 0 { break }
            if hashes[id] == hash, equal(bounds[id], bytes) { return Int32(id) }
            slot = (slot + 1) & mask
        }
        let id = Int32(values.count)
        values.append(String(decoding: bytes, as: UTF8.self))
        hashes.append(hash)
        bounds.append(arena.count..<(arena.count + bytes.count))
        arena.append(contentsOf: bytes)
        slots[slot] = id
        if values.count * 2 > slots.count { grow() }
        return id
    }

    private func equal(_ stored: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard stored.count == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            for offset in 0..<bytes.count where arena[stored.lowerBound + offset] != bytes[offset] { return false }
            return true
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for id in 1..<values.count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}
