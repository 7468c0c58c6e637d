/**
 * Size limits of the webhook debugger's inputs. Hubble's webhook bodies are a few hundred bytes, so 1 MiB is
 * generous; anything bigger is refused with a clear message instead of being hashed, diffed and re-serialised.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
/** A UTF-8 character is at least one byte, so a longer text can never fit; main re-checks the byte length. */
export const MAX_BODY_TEXT_CHARS = MAX_BODY_BYTES;
export const MAX_BODY_BASE64_CHARS = Math.ceil(MAX_BODY_BYTES / 3) * 4;
/** Far above any real X-Verify value (44 characters) while keeping hostile headers cheap to look at. */
export const MAX_SIGNATURE_HEADER_CHARS = 4096;
export const MAX_SECRET_CHARS = 1024;
export const MAX_URL_CHARS = 2048;
