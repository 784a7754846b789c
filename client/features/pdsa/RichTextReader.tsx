/**
 * A rich-text section for people who may only read: plain HTML (paragraphs,
 * headings, lists, emphasis, links), no editor and no edit controls. It follows
 * the document live, so a reader sees what is being written.
 */
import type { ReactNode } from 'react';
import type * as Y from 'yjs';
import { useYChanges } from '../../lib/y-hooks';
import { fragmentNodes, plainText, type RichNode } from './rich-text-nodes';

function marked(node: Extract<RichNode, { kind: 'text' }>, key: number): ReactNode {
  let out: ReactNode = node.text;
  for (const mark of node.marks) {
    if (mark === 'bold') out = <strong>{out}</strong>;
    else if (mark === 'italic') out = <em>{out}</em>;
    else if (mark === 'strike') out = <s>{out}</s>;
    else if (mark === 'code') out = <code>{out}</code>;
    else if (mark === 'underline') out = <u>{out}</u>;
  }
  if (node.href) out = <a href={node.href}>{out}</a>;
  return <span key={key}>{out}</span>;
}

function children(nodes: readonly RichNode[]): ReactNode[] {
  return nodes.map((node, index) => render(node, index));
}

// Section headings on the worksheet are h3; headings written inside a section sit below them.
function render(node: RichNode, key: number): ReactNode {
  if (node.kind === 'text') return marked(node, key);
  const inner = children(node.children);
  switch (node.name) {
    case 'paragraph':
      return <p key={key}>{inner}</p>;
    case 'heading':
      return (node.level ?? 1) <= 2 ? <h4 key={key}>{inner}</h4> : <h5 key={key}>{inner}</h5>;
    case 'bulletList':
      return <ul key={key}>{inner}</ul>;
    case 'orderedList':
      return <ol key={key}>{inner}</ol>;
    case 'listItem':
      return <li key={key}>{inner}</li>;
    case 'blockquote':
      return <blockquote key={key}>{inner}</blockquote>;
    case 'codeBlock':
      return <pre key={key}>{inner}</pre>;
    case 'hardBreak':
      return <br key={key} />;
    case 'horizontalRule':
      return <hr key={key} />;
    default:
      return <div key={key}>{inner}</div>;
  }
}

export function RichTextReader({ fragment }: { fragment: Y.XmlFragment }) {
  useYChanges(fragment);
  const nodes = fragmentNodes(fragment);
  if (plainText(nodes).trim() === '') {
    return <p className="nhsuk-body-s pdsa-empty">Nothing written yet.</p>;
  }
  return <div className="pdsa-rich-text">{children(nodes)}</div>;
}
