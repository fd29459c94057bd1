/**
 * A loopback GitHub REST emulator for end-to-end tests, held to GitHub's
 * OpenAPI description, plus helpers to run an action's bundle against it.
 */
export { startEmulator, type Emulator, type EmulatorOptions } from './server.js';
export type { FaultSpec, FaultKind, FaultMatch, FaultHandle } from './faults.js';
export {
  EmulatorViolationError,
  formatViolations,
  type RequestLogEntry,
  type Violation,
  type ViolationKind,
} from './log.js';
export { Seeder, fakeSha } from './seed.js';
export * from './state.js';
export { handlers } from './handlers/index.js';
export { createClient, type Call, type ClientResponse } from './client.js';
export {
  runAction,
  findNode,
  inputEnvName,
  buildEventPayload,
  type RunActionOptions,
  type ActionRun,
  type EventPayloadOptions,
  type ExamplePayload,
} from './scenario.js';
export {
  parseWorkflowCommands,
  extractAnnotations,
  parseKeyValueFile,
  type WorkflowCommand,
  type Annotation,
} from './workflow-commands.js';
export { buildRunnerEnv, deriveRefs, evaluateDefault, type RunnerContext } from './runner-env.js';
export { matchRoute, type RouteMatch } from './router.js';
export {
  listOperations,
  findOperation,
  loadOpenApiDocument,
  type OpenApiOperation,
} from './openapi.js';
