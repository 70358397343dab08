/// Numbers every distinct CHILD of several tables alike (this year's and last year's episodes,
/// say): the first table's values keep their numbers, each later table's value is found in the
/// tables before it by its bytes (`SSDA903TableData.childNumber(of:)`) or numbered next. A rule
/// then keeps a child's rows of all the tables in an array a child, not in a dictionary hashing
/// each CHILD `String` again. The blank CHILD is one child, as in the DfE tool's merge.
struct ChildNumbering {
    private let tables: [SSDA903TableData]
    /// For each table, each of its CHILD values' number.
    let numbers: [[Int]]
    /// How many children were numbered (numbers run from 0).
    let count: Int

    init(_ tables: [SSDA903TableData]) {
        var numbers: [[Int]] = [], count = 0
        for (index, data) in tables.enumerated() {
            let numbered = data.children.values.map { value in
                for earlier in 0..<index {
                    if let id = tables[earlier].childNumber(of: value) { return numbers[earlier][id] }
                }
                count += 1
                return count - 1
            }
            numbers.append(numbered)
        }
        self.tables = tables
        self.numbers = numbers
        self.count = count
    }

    /// The number of `child` ("" for the blank CHILD), nil when none of the tables holds it.
    func number(of child: String) -> Int? {
        for (index, data) in tables.enumerated() {
            if let id = data.childNumber(of: child) { return numbers[index][id] }
        }
        return nil
    }
}
