/** JSON text → value; text that is not JSON is returned as is (also `null` → null). */
export const json = (s: string | null): any => {
  try {
    return JSON.parse(s!);
  } catch {
    return s;
  }
};
