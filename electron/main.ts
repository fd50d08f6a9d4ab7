/** Entry of the main process (built to out/main/index.js). */
import { runApp } from './app-lifecycle';

runApp();
