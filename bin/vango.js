#!/usr/bin/env node
import { launch } from './launch.js';

launch('vango', 'dist/commands/cli.js');
