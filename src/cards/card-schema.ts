// The subset of Adaptive Cards 1.5 the bot uses, as types: a misspelt property is a compile error
// rather than a blank card in Teams. Template bindings (${...}, $data, $when) are allowed everywhere.

/** A whole value taken from the data, e.g. an action's data object. */
export type BindingExpression = `${'$'}{${string}}`;

type Binding = { $when?: string; $data?: string };
type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge' | 'padding';
type Color = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';

interface ElementBase extends Binding {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
  isVisible?: boolean;
}

export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  size?: 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
  weight?: 'lighter' | 'default' | 'bolder';
  color?: Color | BindingExpression;
  isSubtle?: boolean;
  maxLines?: number;
  style?: 'default' | 'heading';
}

export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: ({ title: string; value: string } & Binding)[];
}

export interface Container extends ElementBase {
  type: 'Container';
  items: CardElement[];
  style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
  selectAction?: ExecuteAction;
  bleed?: boolean;
}

export interface Column extends ElementBase {
  type: 'Column';
  width?: 'auto' | 'stretch' | string;
  items: CardElement[];
}

export interface ColumnSet extends ElementBase {
  type: 'ColumnSet';
  columns: Column[];
}

interface InputBase extends ElementBase {
  id: string;
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface TextInput extends InputBase {
  type: 'Input.Text';
  value?: string;
  placeholder?: string;
  maxLength?: number;
  isMultiline?: boolean;
}

export interface NumberInput extends InputBase {
  type: 'Input.Number';
  value?: number | BindingExpression;
  min?: number;
  max?: number;
  placeholder?: string;
}

export interface DateInput extends InputBase {
  type: 'Input.Date';
  value?: string;
}

export interface TimeInput extends InputBase {
  type: 'Input.Time';
  value?: string;
}

export interface Choice extends Binding {
  title: string;
  value: string;
}

export interface ChoiceSetInput extends InputBase {
  type: 'Input.ChoiceSet';
  value?: string;
  choices: Choice[];
  style?: 'compact' | 'expanded' | 'filtered';
  isMultiSelect?: boolean;
  placeholder?: string;
  /** Lets an expanded choice's title wrap (a long place name on a phone), instead of being cut. */
  wrap?: boolean;
}

export type InputElement = TextInput | NumberInput | DateInput | TimeInput | ChoiceSetInput;

export interface ExecuteAction extends Binding {
  type: 'Action.Execute';
  title?: string;
  verb: string;
  data?: Record<string, unknown> | BindingExpression;
  associatedInputs?: 'auto' | 'none';
  style?: 'default' | 'positive' | 'destructive';
  /** 'secondary': behind the card's overflow menu ("…"), which Teams draws on desktop and mobile (phone-actions.ts decides which). */
  mode?: 'primary' | 'secondary' | BindingExpression;
}

/** Opens a web page (e.g. an export link); only in ActionSets, so card-level actions stay Execute. */
export interface OpenUrlAction extends Binding {
  type: 'Action.OpenUrl';
  title?: string;
  url: string;
}

/** Shows or hides elements in place ("visa mer"): nothing is sent to the bot. */
export interface ToggleVisibilityAction extends Binding {
  type: 'Action.ToggleVisibility';
  title?: string;
  targetElements: string[];
}

export interface ActionSet extends ElementBase {
  type: 'ActionSet';
  actions: (ExecuteAction | OpenUrlAction | ToggleVisibilityAction)[];
}

// Teams' chart elements (Adaptive Cards 1.5 in Teams). Other clients do not know them and draw the
// fallback, so every chart must have one.
export interface ChartPoint extends Binding {
  x: string;
  y: number | BindingExpression;
}

interface ChartBase extends ElementBase {
  title?: string;
  fallback: TextBlock | Container;
}

export interface ChartVerticalBar extends ChartBase {
  type: 'Chart.VerticalBar';
  xAxisTitle?: string;
  yAxisTitle?: string;
  color?: string;
  data: ChartPoint[];
}

export interface ChartLine extends ChartBase {
  type: 'Chart.Line';
  xAxisTitle?: string;
  yAxisTitle?: string;
  data: ({ legend: string; values: ChartPoint[] } & Binding)[];
}

export interface ChartDonut extends ChartBase {
  type: 'Chart.Donut';
  data: ({ legend: string; value: number | BindingExpression } & Binding)[];
}

/** Bars side by side with their counts; `AbsoluteNoAxis` draws no numeric axis (no "0.75" ticks). */
export interface ChartHorizontalBar extends ChartBase {
  type: 'Chart.HorizontalBar';
  displayMode?: 'AbsoluteWithAxis' | 'AbsoluteNoAxis' | 'PartToWhole';
  data: (ChartPoint & { color?: string })[];
}

export type ChartElement = ChartVerticalBar | ChartHorizontalBar | ChartLine | ChartDonut;

export type CardElement = TextBlock | FactSet | Container | ColumnSet | ActionSet | InputElement | ChartElement;

/**
 * Universal Actions' automatic refresh: the Teams clients of the users named in `userIds` fetch their
 * own view of the card with `action` (an adaptiveCard/action invoke with trigger "automatic"); everyone
 * else sees the card as sent.
 */
export interface Refresh {
  action: ExecuteAction;
  userIds: string[] | BindingExpression;
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  refresh?: Refresh;
  body: CardElement[];
  actions?: ExecuteAction[];
  /** `entities`: the <at> mentions in the card's text, so that Teams notifies the person mentioned. */
  msteams?: { width: 'Full'; entities?: MentionEntity[] };
}

export interface MentionEntity {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

export function card(body: CardElement[], actions?: ExecuteAction[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}
