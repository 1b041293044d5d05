import Testing
@testable import Course

@Suite struct PlotNumberFormat {
    @Test func fixedDecimals() {
        #expect(NumberFormat.fixed(3.14159, 2) == "3.14")
        #expect(NumberFormat.fixed(0.05, 3) == "0.050")
        #expect(NumberFormat.fixed(-1.5, 1) == "-1.5")
        #expect(NumberFormat.fixed(2.5, 0) == "3")
        #expect(NumberFormat.fixed(-12, 0) == "-12")
        #expect(NumberFormat.fixed(0.004, 2) == "0.00")
    }

    @Test func noNegativeZero() {
        #expect(NumberFormat.fixed(-0.001, 2) == "0.00")
        #expect(NumberFormat.fixed(-0.0, 1) == "0.0")
    }

    @Test func nonFinite() {
        #expect(NumberFormat.fixed(.nan, 2) == "nan")
        #expect(NumberFormat.fixed(.infinity, 2) == "inf")
        #expect(NumberFormat.fixed(-.infinity, 2) == "-inf")
    }

    @Test func scientific() {
        #expect(NumberFormat.scientific(0.000123, 1) == "1.2e-4")
        #expect(NumberFormat.scientific(-45600, 2) == "-4.56e4")
        // 9.96 rounds to 10.0 at one decimal: the mantissa is renormalised.
        #expect(NumberFormat.scientific(9.96, 1) == "1.0e1")
    }

    @Test func decimalsForStep() {
        #expect(NumberFormat.decimalsFor(step: 5) == 0)
        #expect(NumberFormat.decimalsFor(step: 0.5) == 1)
        #expect(NumberFormat.decimalsFor(step: 0.25) == 2)
        #expect(NumberFormat.decimalsFor(step: 0.02) == 2)
    }

    @Test func escapesMarkup() {
        #expect(Markup.escape("a<b & \"c\" > 'd'") == "a&lt;b &amp; &quot;c&quot; &gt; &#39;d&#39;")
    }
}

@Suite struct PlotAxisScale {
    @Test func linearTicksRoundOutToNiceSteps() {
        let axis = AxisScale(values: [0.05, 2.1])
        #expect(axis.labels == ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5"])
        #expect(axis.lower == 0 && axis.upper == 2.5)
    }

    @Test func ticksAreExactMultiples() {
        let axis = AxisScale(values: [0.1, 0.7])
        // Step 0.1 (0.6 / 4 = 0.15 rounds to 0.1): 0.1 + 0.2 must print as 0.3.
        #expect(axis.labels == ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"])
    }

    @Test func constantDataGetsARange() {
        let axis = AxisScale(values: [3, 3, 3])
        // Padded by 10% each side to 2.7…3.3; 0.6 / 4 = 0.15 rounds to a step of 0.1.
        #expect(axis.labels == ["2.7", "2.8", "2.9", "3.0", "3.1", "3.2", "3.3"])
        #expect(abs(axis.fraction(3) - 0.5) < 1e-12)
        let zero = AxisScale(values: [0])
        #expect(zero.lower < 0 && zero.upper > 0)
    }

    @Test func logTicksOnPowersOfTen() {
        let axis = AxisScale(values: [0.067, 2.1], log: true)
        #expect(axis.labels == ["0.01", "0.1", "1", "10"])
        #expect(axis.fraction(1) == 2.0 / 3.0)
        let wide = AxisScale(values: [1e-8, 1], log: true)
        #expect(wide.labels == ["1e-8", "1e-6", "1e-4", "0.01", "1"])
    }

    @Test func emptyDataIsUnitRange() {
        let axis = AxisScale(values: [])
        #expect(axis.lower == 0 && axis.upper == 1)
    }
}
