export function electronPackageDir(): string | undefined;
export function electronBinaryPath(env?: NodeJS.ProcessEnv): string | undefined;
