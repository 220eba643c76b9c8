// The language server process the VS Code extension starts (out/server.cjs); `mlplan lsp --stdio`
// starts the very same server from the CLI.
import { startMlPlanServer } from './start-server.js';

startMlPlanServer();
