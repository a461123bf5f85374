// Masking lives in src/core/secrets/; this path stays for the code that imported it here.
export * from '../secrets/secretMasker';
