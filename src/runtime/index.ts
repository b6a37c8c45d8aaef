/**
 * `vango`: the isomorphic public API used by components.
 */
export * from './reactive/index.ts';
export { h, createElement, Fragment, raw, text } from './vdom/h.ts';
export { Kind, type VNode, type Child, type Component, type Props, type Key } from './vdom/vnode.ts';
export type { HandlerSpec } from './vdom/attrs.ts';
export type * from './vdom/events.ts';
export { currentInstance } from './vdom/component.ts';
export { useHead, type HeadInput } from './render/head.ts';
export { renderToString, renderToStream } from './render/index.ts';
export { currentSession } from './app/session.ts';
export type * from './vdom/jsx-types.ts';
export { defineConfig, validateConfig, ConfigError, type VangoConfig } from './config.ts';
export { navigate, type NavigateOptions } from './app/navigate.ts';
export { Link, type LinkProps } from './router/link.ts';
export * from './forms/index.ts';
export { presence, type Presence } from './app/presence.ts';
