export interface StackOperation {
  op: "up" | "preview" | "refresh" | "destroy" | "outputs" | "export";
  expectNoChanges?: boolean;
  refresh?: boolean;
  diff?: boolean;
}
export interface StackRequest {
  programPath: string;
  programDir: string;
  projectName: string;
  stackName: string;
  backendUrl: string;
  pulumiHome: string;
  binDir: string;
  config?: Record<string, { value: string; secret?: boolean }>;
  env?: Record<string, string>;
  operations: StackOperation[];
}
export interface StackEvent {
  type: "pre" | "diagnostic" | "failed" | "summary";
  op?: string;
  urn?: string;
  resourceType?: string;
  diffs?: string[];
  keys?: string[];
  detailedDiff?: Record<string, { diffKind: string; inputDiff: boolean }>;
  old?: Record<string, unknown>;
  new?: Record<string, unknown>;
  severity?: string;
  message?: string;
  resourceChanges?: Record<string, number>;
}
export interface StackResult {
  op: StackOperation["op"];
  ok: boolean;
  error?: string;
  stdout?: string;
  stderr?: string;
  summary?: { result: string; resourceChanges?: Record<string, number> };
  changeSummary?: Record<string, number>;
  outputs?: Record<string, { value: unknown; secret: boolean }>;
  deployment?: { version: number; deployment: { resources?: Array<Record<string, unknown>> } };
  events?: StackEvent[];
}
export const repoRoot: string;
export function ensurePulumi(): string;
export function offlineWorkspace(
  dir: string,
  passphrase?: string,
): { pulumiHome: string; backendUrl: string; env: Record<string, string> };
export function runStack(
  request: StackRequest,
  options?: { runner?: string; cwd?: string; timeoutMs?: number },
): Promise<StackResult[]>;
