import type { Messages } from './ja';

/** The interface in English. Place and listing names stay as entered (with their reading beside them). */
export const en: Messages = {
	site: {
		name: 'Tsunagi',
		tagline: 'Kochi City community support map',
		titleSuffix: ' | Tsunagi Kochi City',
		homeTitle: 'Tsunagi — Kochi City community support map',
		description: 'Find medical, elderly care, disability, child-rearing and community support places in Kochi City, on a map and in a list.',
		skipToContent: 'Skip to main content',
		sampleNote: ': facilities and phone numbers are fictional examples.',
		printSource: 'Printed from: '
	},
	nav: {
		label: 'Site',
		search: 'Search',
		konnatoki: 'When you need help',
		areas: 'By district',
		list: 'My referral list',
		desk: 'General help desks'
	},
	language: {
		label: 'Language・言語'
	},
	footer: {
		about: 'Tsunagi — one place to find medical, care, disability, child-rearing and community support information.',
		deskBefore: 'Not sure where to ask? Try a nearby ',
		deskLink: 'general help desk (なんでも相談窓口)',
		deskAfter: '.',
		events: 'Events calendar'
	},
	fields: {
		医療: 'Medical',
		介護: 'Elderly care',
		障害: 'Disability',
		子育て: 'Child-rearing',
		地域資源: 'Community'
	},
	home: {
		title: 'Find where to ask for help and places to go',
		lead: 'Medical care, elderly care, disability, child-rearing and community gathering places in Kochi City, on a map and in a list.',
		shortcutsTitle: 'When you need help',
		fieldsTitle: 'Search by field',
		fieldExamples: {
			医療: 'Hospitals, clinics, dentists, pharmacies, home nursing',
			介護: 'Elderly support centres, day services, home help',
			障害: 'Counselling, employment support, after-school day services',
			子育て: 'Child-rearing support centres, family support, nurseries',
			地域資源: 'Salons, exercise groups, children’s cafeterias, daily-life support'
		},
		areasTitle: 'Search by district',
		areasLead: 'See the information for your district, grouped by field.',
		areasLink: 'List of districts',
		eventsTitle: 'Events',
		eventsLead: 'Dates of salons, exercise groups, children’s cafeterias, classes and more, by date or district.',
		eventsLink: 'This week’s events and calendar',
		shortcuts: {
			salonLabel: 'Salons and exercise groups nearby',
			salonNote: 'Gathering places and exercise groups within walking distance',
			salonLink: 'Salons and gathering places',
			taisoLink: 'Ikiiki 100-year exercise',
			childLabel: 'Child-rearing advice',
			childNote: 'Child-rearing support centres and places to ask',
			careLabel: 'Care for a parent',
			careNote: 'Start at an elderly support centre (community general support centre)',
			helpLabel: 'Help with rubbish or light bulbs',
			helpNote: 'Neighbours helping each other (visiting service B)',
			garbageLink: 'Taking out rubbish',
			bulbLink: 'Changing a light bulb',
			deskLabel: 'General help desks',
			deskNote: 'When you do not know where to ask',
			otherLabel: 'Other worries',
			otherNote: 'Choose a worry and a place to find help nearby'
		}
	},
	error: {
		headings: {
			400: 'Please check what you entered',
			401: 'Sign-in required',
			403: 'You are not allowed to do this',
			404: 'Page not found',
			413: 'What you sent is too large',
			429: 'Too many requests'
		},
		clientHeading: 'Your request could not be processed',
		serverHeading: 'Something went wrong',
		notFound: 'The page you are looking for was not found. The address may be wrong, or the listing may have ended.',
		forbidden: 'Your account cannot use this page or action.',
		forbiddenHelp: 'If you need it, please ask the city or social welfare council staff (administrator).',
		tooMany: 'There were many requests in a short time.',
		tooManyHelp: 'Please wait a little and try again.',
		client: 'Your request could not be processed.',
		server: 'Sorry. Please try again later.',
		fromHome: 'Search from the home page',
		fromAreas: 'Search by district',
		findDesk: 'Find a general help desk',
		code: 'Error code: '
	}
};
