import Testing
@testable import Course

@Suite struct DisplayTable {
    @Test func alignsNumbersRightAndTextLeft() {
        let table = Table(header: ["name", "value"], rows: [["a", "1.5"], ["long name", "-20.25"]])
        #expect(table.text == """
            name      |  value
            ----------+-------
            a         |    1.5
            long name | -20.25
            """)
    }

    @Test func anyValuesFormatNumbersWithFixedDecimals() {
        let table = Table(header: ["k", "loss", "tag"], rows: [[1, 2.5, "x"], [2, 0.125, "y"]], decimals: 3)
        #expect(table.rows == [["1", "2.500", "x"], ["2", "0.125", "y"]])
    }

    @Test func shrinksWidestColumnToFitWidth() {
        let table = Table(header: ["a", "b"], rows: [[String(repeating: "x", count: 100), "1"]], width: 30)
        let lines = table.text.split(separator: "\n")
        for line in lines { #expect(line.count <= 30) }
        #expect(lines[2].hasSuffix("~ | 1"))
    }

    @Test func htmlIsEscapedAndAligned() {
        let table = Table(header: ["<k>"], rows: [["1"], ["a & b"]], title: "t<1>")
        #expect(table.html == "<table class=\"wb-table\"><caption>t&lt;1&gt;</caption><thead><tr><th>&lt;k&gt;</th></tr></thead><tbody><tr><td>1</td></tr><tr><td>a &amp; b</td></tr></tbody></table>")
        let numeric = Table(header: ["n"], rows: [["1"], ["2%"]])
        #expect(numeric.html.contains("<td style=\"text-align:right\">2%</td>"))
    }

    @Test func raggedRowsArePadded() {
        let table = Table(header: ["a", "b", "c"], rows: [["1"], ["2", "3", "4"]])
        #expect(table.text.split(separator: "\n")[2] == "1 |   |")
    }
}

@Suite struct DisplayMatrix {
    @Test func numpyLayoutWithFixedDecimals() {
        #expect(MatrixDisplay([[1, -0.5], [0.25, 2]], decimals: 2).text == "[[1.00, -0.50],\n [0.25,  2.00]]")
        #expect(MatrixDisplay([[3]], decimals: 0).text == "[[3]]")
        #expect(MatrixDisplay([]).text == "[]")
    }

    @Test func labelledMatrixIsAGrid() {
        let m = MatrixDisplay([[5, 1], [0, 4]], decimals: 0, rowLabels: ["a", "b"], columnLabels: ["x", "y"])
        #expect(m.text == "  | x | y\n--+---+--\na | 5 | 1\nb | 0 | 4")
        #expect(m.html.contains("<th>a</th><td style=\"text-align:right;font-family:monospace\">5</td>"))
    }
}
