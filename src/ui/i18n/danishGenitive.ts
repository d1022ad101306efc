// The Danish genitive of a name: "Aarhus Kommunes", but "Medialogic A/S'" after s, x or z.
export function danishGenitive(name: string): string {
  return /[sxz]$/i.test(name.trim()) ? `${name.trim()}'` : `${name.trim()}s`;
}
