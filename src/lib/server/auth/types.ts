/** Accounts and roles of the admin area. */

export const ROLES = ['admin', 'curator', 'org_editor', 'desk'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
	admin: '管理者',
	curator: 'キュレーター（市・社協）',
	org_editor: '団体の編集者',
	desk: 'なんでも相談窓口の職員'
};

/** Roles that act for their organisations (org_editor: its listings; desk: its desk's 相談記録メモ). */
export function actsForOrganizations(role: Role): boolean {
	return role === 'org_editor' || role === 'desk';
}

/** The roles as the account forms offer them (create and edit show the same choices). */
export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** The signed-in user as every admin load and action sees it (from `locals.user`). */
export interface SessionUser {
	id: string;
	email: string;
	displayName: string;
	role: Role;
	/** Organisations an org_editor may edit (empty for admin and curator, who may edit all). */
	organizationIds: string[];
}

export function isRole(value: string): value is Role {
	return (ROLES as readonly string[]).includes(value);
}
