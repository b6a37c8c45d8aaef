/**
 * JSX types for `"jsxImportSource": "vango"`.
 *
 * Props become attributes by name, unchanged (only `className` → `class` and `htmlFor` → `for` are
 * aliased), so attributes are spelled as in HTML: `tabindex`, `readonly`, `colspan`, and for SVG, which
 * is case-sensitive, exactly as the spec does: `viewBox`, `stroke-width`. Handlers run on the server and
 * receive the decoded payloads of events.ts, never a DOM `Event`; inline script (`onclick="..."`) is
 * refused at runtime and is a type error here.
 */
import type { Child, Component, Key, VNode } from './vnode.ts';
import type { EventDataMap, EventName, Handler } from './events.ts';

// ---------------------------------------------------------------------------------------------------
// Attribute value types

/** A number, or a string that spells one (`tabindex="-1"`). */
export type Numberish = number | `${number}`;

/** A length or coordinate: a number (user units / CSS pixels) or a string with a unit (`'50%'`, `'2em'`). */
export type Length = number | string;

/** `'a'`, `['a', cond && 'b']`, `{ a: true, b: isB }`: falsy parts are left out. */
export type ClassValue =
  | string
  | false
  | null
  | undefined
  | readonly ClassValue[]
  | { readonly [name: string]: boolean | null | undefined };

/**
 * A style string, or an object of properties: camelCase names are written in kebab-case, `--custom`
 * names as they are; numbers get `px` except for unitless properties; null/undefined are left out.
 */
export type StyleValue = string | { [property: string]: string | number | null | undefined };

/** The value of an `aria-*` attribute: booleans are spelled `"true"` / `"false"`. */
export type AriaValue = string | number | boolean | undefined;

/** The value of a `data-*` attribute: booleans are spelled out, objects and arrays are JSON-encoded. */
export type DataValue = string | number | boolean | null | undefined | readonly unknown[] | { [key: string]: unknown };

/** Enumerated `true`/`false` attributes (`draggable`, `spellcheck`), which a bare boolean cannot express. */
export type TrueFalse = 'true' | 'false';

/** ARIA booleans accept the string spelling too. */
export type Booleanish = boolean | TrueFalse;

export type Target = '_self' | '_blank' | '_parent' | '_top' | (string & {});

export type ReferrerPolicy =
  | ''
  | 'no-referrer'
  | 'no-referrer-when-downgrade'
  | 'origin'
  | 'origin-when-cross-origin'
  | 'same-origin'
  | 'strict-origin'
  | 'strict-origin-when-cross-origin'
  | 'unsafe-url';

/** `true` (or `''`) means `anonymous`. */
export type CrossOrigin = boolean | '' | 'anonymous' | 'use-credentials';

export type Loading = 'eager' | 'lazy';
export type FetchPriority = 'high' | 'low' | 'auto';

/** Common autofill tokens; the full grammar (`section-*`, `shipping`, `billing`, ...) is accepted as a string. */
export type AutoFill =
  | 'on' | 'off'
  | 'name' | 'honorific-prefix' | 'given-name' | 'additional-name' | 'family-name' | 'honorific-suffix' | 'nickname'
  | 'email' | 'username' | 'new-password' | 'current-password' | 'one-time-code'
  | 'organization-title' | 'organization'
  | 'street-address' | 'address-line1' | 'address-line2' | 'address-line3' | 'address-level1' | 'address-level2'
  | 'address-level3' | 'address-level4' | 'country' | 'country-name' | 'postal-code'
  | 'cc-name' | 'cc-given-name' | 'cc-additional-name' | 'cc-family-name' | 'cc-number' | 'cc-exp' | 'cc-exp-month'
  | 'cc-exp-year' | 'cc-csc' | 'cc-type'
  | 'transaction-currency' | 'transaction-amount' | 'language' | 'bday' | 'bday-day' | 'bday-month' | 'bday-year'
  | 'sex' | 'tel' | 'tel-country-code' | 'tel-national' | 'tel-area-code' | 'tel-local' | 'tel-extension'
  | 'impp' | 'url' | 'photo' | 'webauthn'
  | (string & {});

export type InputType =
  | 'button'
  | 'checkbox'
  | 'color'
  | 'date'
  | 'datetime-local'
  | 'email'
  | 'file'
  | 'hidden'
  | 'image'
  | 'month'
  | 'number'
  | 'password'
  | 'radio'
  | 'range'
  | 'reset'
  | 'search'
  | 'submit'
  | 'tel'
  | 'text'
  | 'time'
  | 'url'
  | 'week';

export type InputMode = 'none' | 'text' | 'decimal' | 'numeric' | 'tel' | 'search' | 'email' | 'url';
export type EnterKeyHint = 'enter' | 'done' | 'go' | 'next' | 'previous' | 'search' | 'send';
export type FormMethod = 'get' | 'post' | 'dialog' | 'GET' | 'POST' | 'DIALOG';
export type FormEnctype = 'application/x-www-form-urlencoded' | 'multipart/form-data' | 'text/plain';
export type PopoverTargetAction = 'show' | 'hide' | 'toggle';

/** WAI-ARIA roles. A space-separated fallback list must start with a known role. */
export type AriaRole =
  | 'alert' | 'alertdialog' | 'application' | 'article' | 'banner' | 'blockquote' | 'button' | 'caption' | 'cell'
  | 'checkbox' | 'code' | 'columnheader' | 'combobox' | 'comment' | 'complementary' | 'contentinfo' | 'definition'
  | 'deletion' | 'dialog' | 'directory' | 'document' | 'emphasis' | 'feed' | 'figure' | 'form' | 'generic' | 'grid'
  | 'gridcell' | 'group' | 'heading' | 'image' | 'img' | 'insertion' | 'link' | 'list' | 'listbox' | 'listitem' | 'log'
  | 'main' | 'mark' | 'marquee' | 'math' | 'menu' | 'menubar' | 'menuitem' | 'menuitemcheckbox' | 'menuitemradio'
  | 'meter' | 'navigation' | 'none' | 'note' | 'option' | 'paragraph' | 'presentation' | 'progressbar' | 'radio'
  | 'radiogroup' | 'region' | 'row' | 'rowgroup' | 'rowheader' | 'scrollbar' | 'search' | 'searchbox' | 'separator'
  | 'slider' | 'spinbutton' | 'status' | 'strong' | 'subscript' | 'suggestion' | 'superscript' | 'switch' | 'tab'
  | 'table' | 'tablist' | 'tabpanel' | 'term' | 'textbox' | 'time' | 'timer' | 'toolbar' | 'tooltip' | 'tree'
  | 'treegrid' | 'treeitem';

// ---------------------------------------------------------------------------------------------------
// Framework props and event handlers

/** A client hook attached to the element: the thin client runs hook `name` with `config`. */
export interface HookSpec {
  name: string;
  config?: unknown;
}

/** Props every element takes that are consumed by the framework and never rendered as attributes. */
export interface FrameworkProps {
  key?: Key;
  ref?: unknown;
  hook?: HookSpec;
  children?: Child;
}

/** Handler prop names. Each maps to a DOM event name the way `eventName()` in attrs.ts does. */
export type EventPropName =
  | 'onClick' | 'onAuxClick' | 'onDblClick' | 'onDoubleClick' | 'onContextMenu'
  | 'onMouseDown' | 'onMouseUp' | 'onMouseEnter' | 'onMouseLeave' | 'onMouseMove' | 'onMouseOver' | 'onMouseOut'
  | 'onPointerDown' | 'onPointerUp' | 'onPointerMove' | 'onPointerEnter' | 'onPointerLeave' | 'onPointerOver'
  | 'onPointerOut' | 'onPointerCancel'
  | 'onKeyDown' | 'onKeyUp'
  | 'onInput' | 'onChange' | 'onSubmit' | 'onReset' | 'onInvalid' | 'onSelect'
  | 'onFocus' | 'onBlur' | 'onFocusIn' | 'onFocusOut'
  | 'onScroll' | 'onWheel'
  | 'onTouchStart' | 'onTouchMove' | 'onTouchEnd' | 'onTouchCancel'
  | 'onDragStart' | 'onDrag' | 'onDragEnd' | 'onDragEnter' | 'onDragLeave' | 'onDragOver' | 'onDrop'
  | 'onToggle' | 'onClose' | 'onCancel' | 'onLoad' | 'onError'
  | 'onPlay' | 'onPause' | 'onEnded' | 'onTimeUpdate' | 'onVolumeChange'
  | 'onCopy' | 'onCut' | 'onPaste'
  | 'onHook';

/** `onKeyDown` → `'keydown'`, `onDoubleClick` → `'dblclick'`: the type-level twin of `eventName()`. */
export type EventNameOf<P extends string> = P extends `on${infer Rest}`
  ? Lowercase<Rest> extends 'doubleclick' ? 'dblclick' : Lowercase<Rest>
  : never;

/** Fails to compile when a handler prop names an event that `EventDataMap` does not type. */
type AssertEventName<N extends EventName> = N;
type EveryHandlerPropIsTyped = AssertEventName<EventNameOf<EventPropName>>;

/** `onClick?: Handler<MouseEventData>`, `onInput?: Handler<InputEventData>`, ... */
export type EventHandlers = {
  [P in EventPropName]?: Handler<EventDataMap[EventNameOf<P> & EventName]>;
};

// ---------------------------------------------------------------------------------------------------
// Shared attribute groups

/** `aria-*` attributes: the ARIA 1.2 states and properties are typed, any other `aria-*` is accepted. */
export interface AriaAttributes {
  [name: `aria-${string}`]: AriaValue;
  'aria-activedescendant'?: string;
  'aria-atomic'?: Booleanish;
  'aria-autocomplete'?: 'none' | 'inline' | 'list' | 'both';
  'aria-braillelabel'?: string;
  'aria-brailleroledescription'?: string;
  'aria-busy'?: Booleanish;
  'aria-checked'?: Booleanish | 'mixed';
  'aria-colcount'?: Numberish;
  'aria-colindex'?: Numberish;
  'aria-colindextext'?: string;
  'aria-colspan'?: Numberish;
  'aria-controls'?: string;
  'aria-current'?: Booleanish | 'page' | 'step' | 'location' | 'date' | 'time';
  'aria-describedby'?: string;
  'aria-description'?: string;
  'aria-details'?: string;
  'aria-disabled'?: Booleanish;
  'aria-errormessage'?: string;
  'aria-expanded'?: Booleanish;
  'aria-flowto'?: string;
  'aria-haspopup'?: Booleanish | 'menu' | 'listbox' | 'tree' | 'grid' | 'dialog';
  'aria-hidden'?: Booleanish;
  'aria-invalid'?: Booleanish | 'grammar' | 'spelling';
  'aria-keyshortcuts'?: string;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  'aria-level'?: Numberish;
  'aria-live'?: 'off' | 'assertive' | 'polite';
  'aria-modal'?: Booleanish;
  'aria-multiline'?: Booleanish;
  'aria-multiselectable'?: Booleanish;
  'aria-orientation'?: 'horizontal' | 'vertical';
  'aria-owns'?: string;
  'aria-placeholder'?: string;
  'aria-posinset'?: Numberish;
  'aria-pressed'?: Booleanish | 'mixed';
  'aria-readonly'?: Booleanish;
  /** Space-separated `additions`, `removals`, `text`, or `all`. */
  'aria-relevant'?: string;
  'aria-required'?: Booleanish;
  'aria-roledescription'?: string;
  'aria-rowcount'?: Numberish;
  'aria-rowindex'?: Numberish;
  'aria-rowindextext'?: string;
  'aria-rowspan'?: Numberish;
  'aria-selected'?: Booleanish;
  'aria-setsize'?: Numberish;
  'aria-sort'?: 'none' | 'ascending' | 'descending' | 'other';
  'aria-valuemax'?: Numberish;
  'aria-valuemin'?: Numberish;
  'aria-valuenow'?: Numberish;
  'aria-valuetext'?: string;
}

export interface DataAttributes {
  [name: `data-${string}`]: DataValue;
}

/** What every element, HTML or SVG, accepts. */
export interface ElementAttributes extends FrameworkProps, EventHandlers, AriaAttributes, DataAttributes {
  id?: string;
  class?: ClassValue;
  /** Alias of `class`. */
  className?: ClassValue;
  style?: StyleValue;
  lang?: string;
  tabindex?: Numberish;
  role?: AriaRole | `${AriaRole} ${string}`;
  autofocus?: boolean;
  nonce?: string;
}

/** The global HTML attributes. Boolean attributes take booleans: `disabled="false"` would mean disabled. */
export interface HTMLAttributes extends ElementAttributes {
  accesskey?: string;
  autocapitalize?: 'off' | 'none' | 'on' | 'sentences' | 'words' | 'characters';
  autocorrect?: 'on' | 'off';
  /** `'plaintext-only'` edits text without markup. `true`/`false` must be spelled as strings. */
  contenteditable?: TrueFalse | 'plaintext-only';
  dir?: 'ltr' | 'rtl' | 'auto';
  /** Enumerated, not boolean: `draggable="true"`. */
  draggable?: TrueFalse;
  enterkeyhint?: EnterKeyHint;
  exportparts?: string;
  /** `'until-found'` lets find-in-page and fragment navigation reveal the element. */
  hidden?: boolean | 'until-found';
  inert?: boolean;
  inputmode?: InputMode;
  /** Customized built-in element name. */
  is?: string;
  itemid?: string;
  itemprop?: string;
  itemref?: string;
  itemscope?: boolean;
  itemtype?: string;
  part?: string;
  /** `true` means `'auto'`. */
  popover?: boolean | 'auto' | 'manual' | 'hint';
  slot?: string;
  /** Enumerated, not boolean: `spellcheck="false"` turns checking off, a missing attribute inherits. */
  spellcheck?: TrueFalse;
  /** Same as `tabindex`: HTML attribute names are case-insensitive (SVG ones are not, so SVG has no alias). */
  tabIndex?: Numberish;
  title?: string;
  translate?: 'yes' | 'no';
  writingsuggestions?: TrueFalse;
}

/** Void elements (`<br>`, `<img>`, `<input>`, ...) cannot have children. */
export interface VoidHTMLAttributes extends HTMLAttributes {
  children?: never;
}

// ---------------------------------------------------------------------------------------------------
// HTML element attributes

export interface AnchorHTMLAttributes extends HTMLAttributes {
  href?: string;
  target?: Target;
  rel?: string;
  /** `true` downloads under the URL's file name; a string names the file. */
  download?: boolean | string;
  hreflang?: string;
  ping?: string;
  referrerpolicy?: ReferrerPolicy;
  /** MIME type hint of the linked resource. */
  type?: string;
}

export interface AreaHTMLAttributes extends VoidHTMLAttributes {
  alt?: string;
  coords?: string;
  shape?: 'rect' | 'circle' | 'poly' | 'default';
  href?: string;
  target?: Target;
  rel?: string;
  download?: boolean | string;
  ping?: string;
  referrerpolicy?: ReferrerPolicy;
}

export interface MediaHTMLAttributes extends HTMLAttributes {
  src?: string;
  autoplay?: boolean;
  controls?: boolean;
  /** Space-separated `nodownload`, `nofullscreen`, `noremoteplayback`. */
  controlslist?: string;
  crossorigin?: CrossOrigin;
  disableremoteplayback?: boolean;
  loop?: boolean;
  muted?: boolean;
  preload?: '' | 'none' | 'metadata' | 'auto';
}

export interface AudioHTMLAttributes extends MediaHTMLAttributes {}

export interface VideoHTMLAttributes extends MediaHTMLAttributes {
  poster?: string;
  width?: Numberish;
  height?: Numberish;
  playsinline?: boolean;
  disablepictureinpicture?: boolean;
}

export interface BaseHTMLAttributes extends VoidHTMLAttributes {
  href?: string;
  target?: Target;
}

/** `<blockquote>`, `<q>`. */
export interface QuoteHTMLAttributes extends HTMLAttributes {
  cite?: string;
}

/** `<del>`, `<ins>`. */
export interface ModHTMLAttributes extends HTMLAttributes {
  cite?: string;
  datetime?: string;
}

/** Attributes of submit buttons that override the form's. */
export interface FormOverrideAttributes {
  form?: string;
  formaction?: string;
  formenctype?: FormEnctype;
  formmethod?: FormMethod;
  formnovalidate?: boolean;
  formtarget?: Target;
}

export interface ButtonHTMLAttributes extends HTMLAttributes, FormOverrideAttributes {
  type?: 'submit' | 'reset' | 'button';
  name?: string;
  value?: string | number;
  disabled?: boolean;
  popovertarget?: string;
  popovertargetaction?: PopoverTargetAction;
  /** Invoker command run on the `commandfor` element; custom commands start with `--`. */
  command?: 'show-modal' | 'close' | 'request-close' | 'show-popover' | 'hide-popover' | 'toggle-popover' | `--${string}`;
  commandfor?: string;
}

export interface CanvasHTMLAttributes extends HTMLAttributes {
  width?: Numberish;
  height?: Numberish;
}

export interface ColHTMLAttributes extends VoidHTMLAttributes {
  span?: Numberish;
}

export interface ColgroupHTMLAttributes extends HTMLAttributes {
  span?: Numberish;
}

export interface DataHTMLAttributes extends HTMLAttributes {
  value?: string | number;
}

export interface DetailsHTMLAttributes extends HTMLAttributes {
  open?: boolean;
  /** Groups exclusive accordions: opening one closes the others with the same name. */
  name?: string;
}

export interface DialogHTMLAttributes extends HTMLAttributes {
  open?: boolean;
  closedby?: 'any' | 'closerequest' | 'none';
}

export interface EmbedHTMLAttributes extends VoidHTMLAttributes {
  src?: string;
  type?: string;
  width?: Numberish;
  height?: Numberish;
}

export interface FieldsetHTMLAttributes extends HTMLAttributes {
  disabled?: boolean;
  form?: string;
  name?: string;
}

export interface FormHTMLAttributes extends HTMLAttributes {
  action?: string;
  method?: FormMethod;
  enctype?: FormEnctype;
  novalidate?: boolean;
  target?: Target;
  name?: string;
  rel?: string;
  autocomplete?: 'on' | 'off';
  'accept-charset'?: string;
}

export interface IframeHTMLAttributes extends HTMLAttributes {
  src?: string;
  srcdoc?: string;
  name?: string;
  /** Space-separated `allow-*` tokens; present but empty applies every restriction. */
  sandbox?: boolean | string;
  /** Permissions policy. */
  allow?: string;
  allowfullscreen?: boolean;
  width?: Numberish;
  height?: Numberish;
  loading?: Loading;
  referrerpolicy?: ReferrerPolicy;
}

export interface ImgHTMLAttributes extends VoidHTMLAttributes {
  src?: string;
  alt?: string;
  srcset?: string;
  sizes?: string;
  width?: Numberish;
  height?: Numberish;
  loading?: Loading;
  decoding?: 'sync' | 'async' | 'auto';
  fetchpriority?: FetchPriority;
  crossorigin?: CrossOrigin;
  referrerpolicy?: ReferrerPolicy;
  usemap?: string;
  ismap?: boolean;
}

/** `value`, `checked` and `indeterminate` are live: the diff sets the DOM property, not just the attribute. */
export interface InputHTMLAttributes extends VoidHTMLAttributes, FormOverrideAttributes {
  type?: InputType;
  name?: string;
  value?: string | number;
  checked?: boolean;
  /** Checkbox "mixed" state; a DOM property only, there is no such attribute. */
  indeterminate?: boolean;
  placeholder?: string;
  disabled?: boolean;
  required?: boolean;
  readonly?: boolean;
  /** A number, or a date/time string for date-like types. */
  min?: string | number;
  max?: string | number;
  step?: Numberish | 'any';
  minlength?: Numberish;
  maxlength?: Numberish;
  pattern?: string;
  autocomplete?: AutoFill;
  multiple?: boolean;
  /** Accepted file types: `.pdf`, `image/*`, comma separated. */
  accept?: string;
  /** Id of a `<datalist>`. */
  list?: string;
  size?: Numberish;
  alt?: string;
  src?: string;
  width?: Numberish;
  height?: Numberish;
  capture?: boolean | 'user' | 'environment';
  dirname?: string;
  popovertarget?: string;
  popovertargetaction?: PopoverTargetAction;
}

export interface LabelHTMLAttributes extends HTMLAttributes {
  /** Id of the labelled control. */
  for?: string;
  /** Alias of `for`. */
  htmlFor?: string;
  form?: string;
}

export interface LiHTMLAttributes extends HTMLAttributes {
  /** Ordinal of the item in an `<ol>`. */
  value?: Numberish;
}

export interface LinkHTMLAttributes extends VoidHTMLAttributes {
  href?: string;
  rel?: string;
  as?: 'audio' | 'document' | 'embed' | 'fetch' | 'font' | 'image' | 'object' | 'script' | 'style' | 'track' | 'video' | 'worker';
  blocking?: 'render';
  color?: string;
  crossorigin?: CrossOrigin;
  disabled?: boolean;
  fetchpriority?: FetchPriority;
  hreflang?: string;
  imagesizes?: string;
  imagesrcset?: string;
  integrity?: string;
  media?: string;
  referrerpolicy?: ReferrerPolicy;
  sizes?: string;
  type?: string;
}

export interface MapHTMLAttributes extends HTMLAttributes {
  name?: string;
}

export interface MetaHTMLAttributes extends VoidHTMLAttributes {
  name?: string;
  content?: string;
  charset?: string;
  'http-equiv'?: string;
  media?: string;
}

export interface MeterHTMLAttributes extends HTMLAttributes {
  value?: Numberish;
  min?: Numberish;
  max?: Numberish;
  low?: Numberish;
  high?: Numberish;
  optimum?: Numberish;
}

export interface ObjectHTMLAttributes extends HTMLAttributes {
  data?: string;
  type?: string;
  name?: string;
  form?: string;
  width?: Numberish;
  height?: Numberish;
}

export interface OlHTMLAttributes extends HTMLAttributes {
  start?: Numberish;
  reversed?: boolean;
  type?: '1' | 'a' | 'A' | 'i' | 'I';
}

export interface OptgroupHTMLAttributes extends HTMLAttributes {
  disabled?: boolean;
  label?: string;
}

export interface OptionHTMLAttributes extends HTMLAttributes {
  value?: string | number;
  /** Live: the diff sets the DOM property. */
  selected?: boolean;
  disabled?: boolean;
  label?: string;
}

export interface OutputHTMLAttributes extends HTMLAttributes {
  /** Space-separated ids of the elements the result depends on. */
  for?: string;
  /** Alias of `for`. */
  htmlFor?: string;
  form?: string;
  name?: string;
}

export interface ProgressHTMLAttributes extends HTMLAttributes {
  value?: Numberish;
  max?: Numberish;
}

export interface ScriptHTMLAttributes extends HTMLAttributes {
  src?: string;
  /** `'module'`, `'importmap'`, `'speculationrules'` or a JavaScript MIME type. */
  type?: string;
  async?: boolean;
  defer?: boolean;
  blocking?: 'render';
  crossorigin?: CrossOrigin;
  fetchpriority?: FetchPriority;
  integrity?: string;
  nomodule?: boolean;
  referrerpolicy?: ReferrerPolicy;
}

export interface SelectHTMLAttributes extends HTMLAttributes {
  /** Live: the selected option's value. */
  value?: string | number;
  name?: string;
  disabled?: boolean;
  required?: boolean;
  multiple?: boolean;
  size?: Numberish;
  form?: string;
  autocomplete?: AutoFill;
}

export interface SlotHTMLAttributes extends HTMLAttributes {
  name?: string;
}

export interface SourceHTMLAttributes extends VoidHTMLAttributes {
  src?: string;
  srcset?: string;
  sizes?: string;
  type?: string;
  media?: string;
  width?: Numberish;
  height?: Numberish;
}

export interface StyleHTMLAttributes extends HTMLAttributes {
  media?: string;
  blocking?: 'render';
}

export interface TdHTMLAttributes extends HTMLAttributes {
  colspan?: Numberish;
  rowspan?: Numberish;
  /** Space-separated ids of the header cells. */
  headers?: string;
}

export interface ThHTMLAttributes extends TdHTMLAttributes {
  scope?: 'row' | 'col' | 'rowgroup' | 'colgroup';
  abbr?: string;
}

/** Declarative shadow DOM. */
export interface TemplateHTMLAttributes extends HTMLAttributes {
  shadowrootmode?: 'open' | 'closed';
  shadowrootclonable?: boolean;
  shadowrootdelegatesfocus?: boolean;
  shadowrootserializable?: boolean;
}

/** `value` is rendered as the element's content and is live. */
export interface TextareaHTMLAttributes extends HTMLAttributes {
  value?: string | number;
  name?: string;
  placeholder?: string;
  disabled?: boolean;
  required?: boolean;
  readonly?: boolean;
  rows?: Numberish;
  cols?: Numberish;
  minlength?: Numberish;
  maxlength?: Numberish;
  wrap?: 'hard' | 'soft' | 'off';
  autocomplete?: AutoFill;
  form?: string;
  dirname?: string;
}

export interface TimeHTMLAttributes extends HTMLAttributes {
  /** Machine-readable date/time (`2024-05-01`, `14:30`, `PT2H`). */
  datetime?: string;
}

export interface TrackHTMLAttributes extends VoidHTMLAttributes {
  src?: string;
  kind?: 'subtitles' | 'captions' | 'descriptions' | 'chapters' | 'metadata';
  srclang?: string;
  label?: string;
  default?: boolean;
}

/**
 * Attributes of a custom element (`<my-widget>`): anything goes except inline script, that is any
 * lowercase `on*` attribute, and string values for `onCamelCase` handler props.
 */
export interface CustomElementAttributes extends HTMLAttributes {
  [name: string]: unknown;
  [name: `on${Lowercase<string>}`]: never;
  [name: `on${Capitalize<string>}`]: Handler<any> | undefined;
}

// ---------------------------------------------------------------------------------------------------
// SVG attributes

/** Presentation attributes shared by SVG shapes, text and containers. */
export interface SVGPresentationAttributes {
  'clip-path'?: string;
  'clip-rule'?: 'nonzero' | 'evenodd' | 'inherit';
  color?: string;
  cursor?: string;
  display?: string;
  fill?: string;
  'fill-opacity'?: Numberish;
  'fill-rule'?: 'nonzero' | 'evenodd' | 'inherit';
  filter?: string;
  'font-family'?: string;
  'font-size'?: Length;
  'font-style'?: string;
  'font-weight'?: string | number;
  mask?: string;
  'marker-start'?: string;
  'marker-mid'?: string;
  'marker-end'?: string;
  opacity?: Numberish;
  overflow?: 'visible' | 'hidden' | 'scroll' | 'auto';
  'pointer-events'?: string;
  'shape-rendering'?: 'auto' | 'optimizeSpeed' | 'crispEdges' | 'geometricPrecision';
  stroke?: string;
  'stroke-dasharray'?: string | number;
  'stroke-dashoffset'?: Length;
  'stroke-linecap'?: 'butt' | 'round' | 'square';
  'stroke-linejoin'?: 'arcs' | 'bevel' | 'miter' | 'miter-clip' | 'round';
  'stroke-miterlimit'?: Numberish;
  'stroke-opacity'?: Numberish;
  'stroke-width'?: Length;
  'text-anchor'?: 'start' | 'middle' | 'end';
  'dominant-baseline'?: string;
  transform?: string;
  'transform-origin'?: string;
  'vector-effect'?: 'none' | 'non-scaling-stroke' | 'non-scaling-size' | 'non-rotation' | 'fixed-position';
  visibility?: 'visible' | 'hidden' | 'collapse';
}

/** Every SVG element. Names are case-sensitive: `viewBox`, `stroke-width` (not `strokeWidth`). */
export interface SVGAttributes extends ElementAttributes, SVGPresentationAttributes {
  'xml:lang'?: string;
}

export type PreserveAspectRatio = string;

export interface SVGSVGAttributes extends SVGAttributes {
  xmlns?: string;
  'xmlns:xlink'?: string;
  viewBox?: string;
  preserveAspectRatio?: PreserveAspectRatio;
  x?: Length;
  y?: Length;
  width?: Length;
  height?: Length;
}

export interface SVGPathAttributes extends SVGAttributes {
  d?: string;
  pathLength?: Numberish;
}

export interface SVGCircleAttributes extends SVGAttributes {
  cx?: Length;
  cy?: Length;
  r?: Length;
  pathLength?: Numberish;
}

export interface SVGEllipseAttributes extends SVGAttributes {
  cx?: Length;
  cy?: Length;
  rx?: Length;
  ry?: Length;
  pathLength?: Numberish;
}

export interface SVGRectAttributes extends SVGAttributes {
  x?: Length;
  y?: Length;
  width?: Length;
  height?: Length;
  rx?: Length;
  ry?: Length;
  pathLength?: Numberish;
}

export interface SVGLineAttributes extends SVGAttributes {
  x1?: Length;
  y1?: Length;
  x2?: Length;
  y2?: Length;
  pathLength?: Numberish;
}

/** `<polyline>`, `<polygon>`. */
export interface SVGPolyAttributes extends SVGAttributes {
  /** `"0,0 10,10 20,0"`. */
  points?: string;
  pathLength?: Numberish;
}

/** `<text>`, `<tspan>`. */
export interface SVGTextAttributes extends SVGAttributes {
  x?: Length;
  y?: Length;
  dx?: Length;
  dy?: Length;
  rotate?: string | number;
  textLength?: Length;
  lengthAdjust?: 'spacing' | 'spacingAndGlyphs';
}

export interface SVGUseAttributes extends SVGAttributes {
  href?: string;
  /** Legacy spelling of `href`. */
  'xlink:href'?: string;
  x?: Length;
  y?: Length;
  width?: Length;
  height?: Length;
}

export interface SVGSymbolAttributes extends SVGAttributes {
  viewBox?: string;
  preserveAspectRatio?: PreserveAspectRatio;
  x?: Length;
  y?: Length;
  width?: Length;
  height?: Length;
  refX?: Length;
  refY?: Length;
}

export interface SVGGradientAttributes extends SVGAttributes {
  gradientUnits?: 'userSpaceOnUse' | 'objectBoundingBox';
  gradientTransform?: string;
  spreadMethod?: 'pad' | 'reflect' | 'repeat';
  href?: string;
  'xlink:href'?: string;
}

export interface SVGLinearGradientAttributes extends SVGGradientAttributes {
  x1?: Length;
  y1?: Length;
  x2?: Length;
  y2?: Length;
}

export interface SVGRadialGradientAttributes extends SVGGradientAttributes {
  cx?: Length;
  cy?: Length;
  r?: Length;
  fx?: Length;
  fy?: Length;
  fr?: Length;
}

export interface SVGStopAttributes extends SVGAttributes {
  offset?: Length;
  'stop-color'?: string;
  'stop-opacity'?: Numberish;
}

export interface SVGClipPathAttributes extends SVGAttributes {
  clipPathUnits?: 'userSpaceOnUse' | 'objectBoundingBox';
}

export interface SVGMaskAttributes extends SVGAttributes {
  x?: Length;
  y?: Length;
  width?: Length;
  height?: Length;
  maskUnits?: 'userSpaceOnUse' | 'objectBoundingBox';
  maskContentUnits?: 'userSpaceOnUse' | 'objectBoundingBox';
  'mask-type'?: 'luminance' | 'alpha';
}

export interface SVGPatternAttributes extends SVGAttributes {
  x?: Length;
  y?: Length;
  width?: Length;
  height?: Length;
  patternUnits?: 'userSpaceOnUse' | 'objectBoundingBox';
  patternContentUnits?: 'userSpaceOnUse' | 'objectBoundingBox';
  patternTransform?: string;
  viewBox?: string;
  preserveAspectRatio?: PreserveAspectRatio;
  href?: string;
  'xlink:href'?: string;
}

export interface SVGImageAttributes extends SVGAttributes {
  href?: string;
  'xlink:href'?: string;
  x?: Length;
  y?: Length;
  width?: Length;
  height?: Length;
  preserveAspectRatio?: PreserveAspectRatio;
  crossorigin?: CrossOrigin;
  decoding?: 'sync' | 'async' | 'auto';
}

export interface SVGForeignObjectAttributes extends SVGAttributes {
  x?: Length;
  y?: Length;
  width?: Length;
  height?: Length;
}

// ---------------------------------------------------------------------------------------------------
// Element tables

/** Every HTML element. */
export interface HTMLElements {
  a: AnchorHTMLAttributes;
  abbr: HTMLAttributes;
  address: HTMLAttributes;
  area: AreaHTMLAttributes;
  article: HTMLAttributes;
  aside: HTMLAttributes;
  audio: AudioHTMLAttributes;
  b: HTMLAttributes;
  base: BaseHTMLAttributes;
  bdi: HTMLAttributes;
  bdo: HTMLAttributes;
  blockquote: QuoteHTMLAttributes;
  body: HTMLAttributes;
  br: VoidHTMLAttributes;
  button: ButtonHTMLAttributes;
  canvas: CanvasHTMLAttributes;
  caption: HTMLAttributes;
  cite: HTMLAttributes;
  code: HTMLAttributes;
  col: ColHTMLAttributes;
  colgroup: ColgroupHTMLAttributes;
  data: DataHTMLAttributes;
  datalist: HTMLAttributes;
  dd: HTMLAttributes;
  del: ModHTMLAttributes;
  details: DetailsHTMLAttributes;
  dfn: HTMLAttributes;
  dialog: DialogHTMLAttributes;
  div: HTMLAttributes;
  dl: HTMLAttributes;
  dt: HTMLAttributes;
  em: HTMLAttributes;
  embed: EmbedHTMLAttributes;
  fieldset: FieldsetHTMLAttributes;
  figcaption: HTMLAttributes;
  figure: HTMLAttributes;
  footer: HTMLAttributes;
  form: FormHTMLAttributes;
  h1: HTMLAttributes;
  h2: HTMLAttributes;
  h3: HTMLAttributes;
  h4: HTMLAttributes;
  h5: HTMLAttributes;
  h6: HTMLAttributes;
  head: HTMLAttributes;
  header: HTMLAttributes;
  hgroup: HTMLAttributes;
  hr: VoidHTMLAttributes;
  html: HTMLAttributes;
  i: HTMLAttributes;
  iframe: IframeHTMLAttributes;
  img: ImgHTMLAttributes;
  input: InputHTMLAttributes;
  ins: ModHTMLAttributes;
  kbd: HTMLAttributes;
  label: LabelHTMLAttributes;
  legend: HTMLAttributes;
  li: LiHTMLAttributes;
  link: LinkHTMLAttributes;
  main: HTMLAttributes;
  map: MapHTMLAttributes;
  mark: HTMLAttributes;
  menu: HTMLAttributes;
  meta: MetaHTMLAttributes;
  meter: MeterHTMLAttributes;
  nav: HTMLAttributes;
  noscript: HTMLAttributes;
  object: ObjectHTMLAttributes;
  ol: OlHTMLAttributes;
  optgroup: OptgroupHTMLAttributes;
  option: OptionHTMLAttributes;
  output: OutputHTMLAttributes;
  p: HTMLAttributes;
  picture: HTMLAttributes;
  pre: HTMLAttributes;
  progress: ProgressHTMLAttributes;
  q: QuoteHTMLAttributes;
  rp: HTMLAttributes;
  rt: HTMLAttributes;
  ruby: HTMLAttributes;
  s: HTMLAttributes;
  samp: HTMLAttributes;
  script: ScriptHTMLAttributes;
  search: HTMLAttributes;
  section: HTMLAttributes;
  select: SelectHTMLAttributes;
  slot: SlotHTMLAttributes;
  small: HTMLAttributes;
  source: SourceHTMLAttributes;
  span: HTMLAttributes;
  strong: HTMLAttributes;
  style: StyleHTMLAttributes;
  sub: HTMLAttributes;
  summary: HTMLAttributes;
  sup: HTMLAttributes;
  table: HTMLAttributes;
  tbody: HTMLAttributes;
  td: TdHTMLAttributes;
  template: TemplateHTMLAttributes;
  textarea: TextareaHTMLAttributes;
  tfoot: HTMLAttributes;
  th: ThHTMLAttributes;
  thead: HTMLAttributes;
  time: TimeHTMLAttributes;
  /** The document title, and inside SVG an element's accessible name. */
  title: HTMLAttributes;
  tr: HTMLAttributes;
  track: TrackHTMLAttributes;
  u: HTMLAttributes;
  ul: HTMLAttributes;
  var: HTMLAttributes;
  video: VideoHTMLAttributes;
  wbr: VoidHTMLAttributes;
}

/** The common SVG elements (`a`, `script`, `style` and `title` share the HTML entries). */
export interface SVGElements {
  svg: SVGSVGAttributes;
  g: SVGAttributes;
  defs: SVGAttributes;
  symbol: SVGSymbolAttributes;
  use: SVGUseAttributes;
  path: SVGPathAttributes;
  circle: SVGCircleAttributes;
  ellipse: SVGEllipseAttributes;
  rect: SVGRectAttributes;
  line: SVGLineAttributes;
  polyline: SVGPolyAttributes;
  polygon: SVGPolyAttributes;
  text: SVGTextAttributes;
  tspan: SVGTextAttributes;
  linearGradient: SVGLinearGradientAttributes;
  radialGradient: SVGRadialGradientAttributes;
  stop: SVGStopAttributes;
  clipPath: SVGClipPathAttributes;
  mask: SVGMaskAttributes;
  pattern: SVGPatternAttributes;
  image: SVGImageAttributes;
  foreignObject: SVGForeignObjectAttributes;
}

// ---------------------------------------------------------------------------------------------------
// The JSX namespace (type-only, so erasable)

export declare namespace JSX {
  /** What a JSX expression evaluates to. */
  export type Element = VNode;
  /** A tag name or a function component. */
  export type ElementType = string | Component;
  export interface ElementChildrenAttribute {
    children: {};
  }
  /** Props every element and component accepts. */
  export interface IntrinsicAttributes {
    key?: Key;
  }
  /** HTML and SVG elements, plus custom elements (any tag with a hyphen). */
  export interface IntrinsicElements extends HTMLElements, SVGElements {
    [tag: `${string}-${string}`]: CustomElementAttributes;
  }
}
