// Import first (or pass to node with --import): later imports of `.liquid` files read as text.
import { register } from 'node:module';

register('./liquidTextHook.mjs', import.meta.url);
