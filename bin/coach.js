#!/usr/bin/env node
import "../dist/coach.js";
