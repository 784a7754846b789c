/**
 * A lab's network as a picture: members round a circle, each marked with their
 * profession's initial letters (so professions differ without colour as well as with
 * it), ties made in this lab drawn solid and thick, earlier ties dashed. The table
 * beside it says the same in words.
 */
import { PROFESSION_LABELS, PROFESSIONS, type Profession } from '../../../shared/roles';
import type { LabNetwork } from '../../../shared/network/connections';

const SIZE = 360;
const RADIUS = 140;
const PALETTE = [
  '#005eb8',
  '#007f3b',
  '#330072',
  '#ae2573',
  '#7c2855',
  '#00a499',
  '#ed8b00',
  '#425563',
];

const professionOf = (value: string): Profession =>
  PROFESSIONS.find((each) => each === value) ?? 'other';

function initials(profession: Profession): string {
  return PROFESSION_LABELS[profession]
    .split(/\s+/)
    .map((word) => word.charAt(0).toUpperCase())
    .join('')
    .slice(0, 2);
}

export function NetworkPicture({ network }: { network: LabNetwork }) {
  const count = network.members.length;
  const place = new Map(
    network.members.map((member, index) => {
      const angle = (2 * Math.PI * index) / Math.max(1, count) - Math.PI / 2;
      return [
        member.userId,
        { x: SIZE / 2 + RADIUS * Math.cos(angle), y: SIZE / 2 + RADIUS * Math.sin(angle) },
      ];
    }),
  );
  return (
    <svg
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      className="app-network-picture"
      role="img"
      aria-label={`${count} members and ${network.edges.length} ${network.edges.length === 1 ? 'connection' : 'connections'} between them; the table lists them.`}
      focusable="false"
    >
      {network.edges.map((edge) => {
        const a = place.get(edge.a);
        const b = place.get(edge.b);
        if (!a || !b) return null;
        return (
          <line
            key={`${edge.a}-${edge.b}`}
            x1={a.x}
            y1={a.y}
            x2={b.x}
            y2={b.y}
            className={edge.isNew ? 'app-network-picture__new' : 'app-network-picture__old'}
          />
        );
      })}
      {network.members.map((member) => {
        const at = place.get(member.userId);
        const profession = professionOf(member.profession);
        if (!at) return null;
        return (
          <g key={member.userId}>
            <circle
              cx={at.x}
              cy={at.y}
              r={16}
              fill={PALETTE[PROFESSIONS.indexOf(profession) % PALETTE.length]}
            />
            <text x={at.x} y={at.y + 4} textAnchor="middle" className="app-network-picture__mark">
              {initials(profession)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
