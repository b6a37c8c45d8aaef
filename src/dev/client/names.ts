/** "<Counter>" whether the server sent "Counter" or "<Counter>". */
export function componentTag(name: string): string {
  return `<${name.replace(/^<|>$/g, '')}>`;
}
