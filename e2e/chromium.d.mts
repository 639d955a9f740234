// Types for chromium.mjs (plain JS, shared by the Playwright config, the benchmarks and scripts/).
import type { LaunchOptions } from 'playwright-core';

export function chromiumExecutable(): string | undefined;
export const chromiumArgs: string[];
export function chromiumLaunchOptions(extraArgs?: string[]): LaunchOptions;
