// Trains the discussion notes' RNN on the cumulative-sum task and prints seconds per epoch
// and held-out accuracy. Run by Benchmarks/rnn/run, which also times PyTorch on the same
// data, initial weights and epochs (written with --export).
//
//   course-bench-rnn [--model elman|elman-tanh|lstm] [--epochs N] [--train N] [--test N]
//                    [--seed S] [--lr R] [--export FILE]
import Course
import Foundation

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    guard flag.hasPrefix("--"), let value = arguments.popFirst() else {
        FileHandle.standardError.write("usage: course-bench-rnn [--model elman|elman-tanh|lstm] [--epochs N] [--train N] [--test N] [--seed S] [--lr R] [--export FILE]\n".data(using: .utf8)!)
        exit(2)
    }
    options[String(flag.dropFirst(2))] = value
}
let modelName = options["model"] ?? "elman"
let epochs = Int(options["epochs"] ?? "") ?? 10
let trainCount = Int(options["train"] ?? "") ?? 1000
let testCount = Int(options["test"] ?? "") ?? 1000
let seed = UInt64(options["seed"] ?? "") ?? 445
let learningRate = Double(options["lr"] ?? "") ?? 0.01

var rng = SeededGenerator(seed: seed)
let task = CumulativeSumTask()
let trainSet = task.samples(trainCount, using: &rng)
let testSet = task.samples(testCount, using: &rng)
let model: SequenceModel
switch modelName {
case "elman": model = ElmanRNN(using: &rng)
case "elman-tanh": model = ElmanRNN(activation: .tanh, using: &rng)
case "lstm": model = LSTM(using: &rng)
default:
    FileHandle.standardError.write("course-bench-rnn: unknown model \(modelName)\n".data(using: .utf8)!)
    exit(2)
}

if let path = options["export"] {
    // Everything the PyTorch side needs to train the identical model from the identical start.
    let export: [String: Any] = [
        "model": modelName, "epochs": epochs, "learning_rate": learningRate,
        "train": trainSet.map { ["x": $0.values, "y": $0.labels] },
        "test": testSet.map { ["x": $0.values, "y": $0.labels] },
        "parameters": model.parameters.map { ["rows": $0.rows, "cols": $0.cols, "data": $0.data] },
        // The untrained model's loss on the first training sequence: bench_torch.py asserts
        // that both of its models, loaded from "parameters", start from this same number.
        "initial_loss": model.loss(on: trainSet[0]).item,
    ]
    let data = try! JSONSerialization.data(withJSONObject: export)
    let temporary = path + ".tmp"
    try! data.write(to: URL(fileURLWithPath: temporary))
    guard rename(temporary, path) == 0 else {  // all or nothing: never a half-written file
        FileHandle.standardError.write("course-bench-rnn: cannot write \(path)\n".data(using: .utf8)!)
        exit(1)
    }
}

let optimizer = Adam(model.parameters, learningRate: learningRate)
var shuffle = SeededGenerator(seed: seed + 1)
let start = Date()
let history = train(trainSet, epochs: epochs, optimizer: optimizer, shuffleUsing: &shuffle,
                    progress: .silent) { model.loss(on: $0) }
let seconds = Date().timeIntervalSince(start)
let accuracy = model.accuracy(on: testSet)
print("model \(modelName) epochs \(epochs) train \(trainCount) test \(testCount)")
print("final_loss \(history.finalLoss ?? .nan)")
print("seconds_total \(String(format: "%.4f", seconds))")
print("seconds_per_epoch \(String(format: "%.5f", seconds / Double(max(epochs, 1))))")
print("test_accuracy \(String(format: "%.4f", accuracy))")
