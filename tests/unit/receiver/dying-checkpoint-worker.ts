// A WAL checkpoint thread that ends as soon as it starts (wal-checkpointer.test.ts): what a crash of the
// checkpointer looks like from main.
process.exit(3);
