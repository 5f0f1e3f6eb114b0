import { startFrame } from "./main.ts";

void startFrame();
