#!/usr/bin/env node
import { launch } from './launch.js';

launch('create-vango', 'dist/commands/create-vango.js');
