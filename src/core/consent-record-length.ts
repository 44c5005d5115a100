/**
 * The longest consent cookie value there is. `decodeRecord` refuses a longer value unread, which bounds the
 * work a forged cookie can cause; `definePolicy` refuses a policy whose records could be longer, which would
 * never be read back. Well within the 4096 bytes a browser keeps for a cookie's name and value together.
 */
export const MAX_RECORD_LENGTH = 2048;
