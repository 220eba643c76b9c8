// Preloaded with `node --import` so that langium-cli runs on Node 20 (see server/src/polyfill).
import '../server/src/polyfill/group-by.js';
