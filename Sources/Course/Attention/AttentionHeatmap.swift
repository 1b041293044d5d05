extension AttentionResult {
    /// The attention weights as a heatmap on the fixed scale 0…1: a row per query token, a column
    /// per key token, so row i shows where token i looked. `tokens` label both axes (for
    /// self-attention); `keyTokens` labels the columns when the keys are other tokens.
    public func heatmap(tokens: [String] = [], keyTokens: [String]? = nil,
                        title: String = "attention weights") -> Heatmap {
        Heatmap(weights.array, rowLabels: tokens, columnLabels: keyTokens ?? tokens, title: title, range: 0...1)
    }
}
