export { FakeGeocoder, GeocodingError, GsiGeocoder, getGeocoder, type GeocodeResult, type Geocoder } from './geocoder';
export { lookupPostalCode, townOf, type PostalAddress } from './postal-codes';
