import type { Stack } from "@pulumi/pulumi/automation";

export interface OfflineWorkspace {
  pulumiHome: string;
  env: Record<string, string>;
}
export const repoRoot: string;
export function ensurePulumi(options?: { policy?: boolean }): string;
export function offlineWorkspace(dir: string, passphrase?: string): OfflineWorkspace;
export function selectStack(options: {
  workDir: string;
  stackName: string;
  binDir: string;
  workspace: OfflineWorkspace;
}): Promise<Stack>;
