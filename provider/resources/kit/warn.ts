/**
 * A warning the engine shows on the resource. The dynamic-provider host relays the provider process's stderr as
 * diagnostics on the resource (see `@pulumi/pulumi/cmd/dynamic-provider`), and stderr keeps provider tests quiet
 * unless they look for it.
 */
export function warn(message: string): void {
  console.warn(`warning: ${message}`);
}
