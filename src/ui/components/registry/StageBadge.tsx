import type { ModelVersionStage } from '../../../registry';

/** A version's stage as a pill: None grey, Staging amber, Production green, Archived muted. */
export function StageBadge(props: { stage: ModelVersionStage }) {
  return <span class={`badge stage-${props.stage.toLowerCase()}`}>{props.stage === 'None' ? 'No stage' : props.stage}</span>;
}

/** An alias as `@champion`. */
export function AliasBadge(props: { alias: string; version?: string }) {
  return (
    <span class="badge alias-badge" title={props.version ? `@${props.alias} → version ${props.version}` : undefined}>
      @{props.alias}
      {props.version ? <span class="alias-version"> v{props.version}</span> : null}
    </span>
  );
}
