export async function runDiagnoseCommand(_args: string[]): Promise<number> {
  process.stderr.write("diagnose: not available yet\n");
  return 1;
}
