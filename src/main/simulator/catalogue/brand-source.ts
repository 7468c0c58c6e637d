// The seed catalogue's raw material: real brands of the Indian gift-card market, one line each as
// `title|categories|tags|redemption` (O = ONLINE, F = OFFLINE, B = ONLINE_AND_OFFLINE). The generator turns
// these into full Brand objects; resources/simulator/catalogue.json is its committed output.
export const BRAND_SOURCE = `
Zomato|POPULAR_BRANDS TOP_BRANDS FOOD|Food,Food Delivery,Restaurants|O
Swiggy|POPULAR_BRANDS TOP_BRANDS FOOD|Food Delivery,Restaurants|O
Domino's Pizza|POPULAR_BRANDS FOOD|Pizza,Food Delivery|B
Pizza Hut|FOOD|Pizza,Dining|B
KFC|FOOD|Fried Chicken,Fast Food|B
McDonald's|POPULAR_BRANDS FOOD|Burgers,Fast Food|B
Burger King|FOOD|Burgers,Fast Food|B
Subway|FOOD|Sandwiches,Healthy Food|B
Starbucks|POPULAR_BRANDS FOOD|Coffee,Cafe|F
Cafe Coffee Day|FOOD|Coffee,Cafe|F
Barbeque Nation|FOOD|Buffet,Dining|F
Haldiram's|FOOD|Sweets,Snacks|B
Baskin Robbins|FOOD|Ice Cream,Desserts|F
Chaayos|FOOD|Tea,Cafe|B
Faasos|FOOD|Wraps,Food Delivery|O
Behrouz Biryani|FOOD|Biryani,Food Delivery|O
Wow! Momo|FOOD|Momos,Quick Bites|B
Theobroma|FOOD|Bakery,Desserts|B
Mad Over Donuts|FOOD|Donuts,Desserts|F
Krispy Kreme|FOOD|Donuts,Desserts|F
Dunkin'|FOOD|Donuts,Coffee|F
Taco Bell|FOOD|Mexican,Fast Food|F
Sagar Ratna|FOOD|South Indian,Dining|F
Biryani By Kilo|FOOD|Biryani,Food Delivery|O
Third Wave Coffee|FOOD|Coffee,Cafe|F
Blue Tokai Coffee Roasters|FOOD|Coffee,Cafe|B
Bikanervala|FOOD|Sweets,Snacks|F
Mainland China|FOOD|Chinese,Dining|F
Social|FOOD|Bar,Dining|F
EatSure|FOOD|Food Delivery,Multi-cuisine|O
Dineout|FOOD|Dining,Table Booking|O
FreshMenu|FOOD|Food Delivery,Healthy Food|O
BigBasket|POPULAR_BRANDS GROCERY|Grocery,Daily Essentials|O
Blinkit|GROCERY|Quick Commerce,Grocery|O
Zepto|GROCERY|Quick Commerce,Grocery|O
Swiggy Instamart|GROCERY|Quick Commerce,Grocery|O
JioMart|GROCERY|Grocery,Daily Essentials|O
DMart|GROCERY|Supermarket,Grocery|F
Nature's Basket|GROCERY|Gourmet,Grocery|B
Spencer's Retail|GROCERY|Supermarket,Grocery|F
More Supermarket|GROCERY|Supermarket,Grocery|F
Star Bazaar|GROCERY|Hypermarket,Grocery|F
Reliance Smart Bazaar|GROCERY|Hypermarket,Grocery|F
Grofers|GROCERY|Grocery,Daily Essentials|O
Amazon Pay|POPULAR_BRANDS TOP_BRANDS SHOPPING|E-commerce,Shopping,Bill Payments|O
Flipkart|POPULAR_BRANDS TOP_BRANDS SHOPPING|E-commerce,Shopping|O
Tata CLiQ|SHOPPING|E-commerce,Fashion,Electronics|O
Meesho|SHOPPING|E-commerce,Value Shopping|O
Snapdeal|SHOPPING|E-commerce,Value Shopping|O
Paytm Mall|SHOPPING|E-commerce,Shopping|O
ShopClues|SHOPPING|E-commerce,Value Shopping|O
Myntra|POPULAR_BRANDS TOP_BRANDS FASHION|Fashion,Apparel,Footwear|O
Ajio|FASHION|Fashion,Apparel|O
Lifestyle|FASHION|Fashion,Department Store|B
Pantaloons|FASHION|Fashion,Apparel|B
Shoppers Stop|FASHION|Fashion,Department Store|B
Westside|FASHION|Fashion,Apparel|F
Max Fashion|FASHION|Fashion,Apparel|B
Levi's|FASHION|Denim,Apparel|B
Allen Solly|FASHION|Formal Wear,Apparel|B
Van Heusen|FASHION|Formal Wear,Apparel|B
Peter England|FASHION|Menswear,Apparel|B
Louis Philippe|FASHION|Premium Menswear,Apparel|B
Raymond|FASHION|Suiting,Menswear|F
Fabindia|FASHION|Ethnic Wear,Home Decor|B
Biba|FASHION|Ethnic Wear,Womenswear|B
W for Woman|FASHION|Ethnic Wear,Womenswear|B
Global Desi|FASHION|Womenswear,Boho|B
Manyavar|FASHION|Ethnic Wear,Wedding|F
Bata|FASHION|Footwear|B
Puma|FASHION SPORTS_AND_FITNESS|Sportswear,Footwear|B
Adidas|FASHION SPORTS_AND_FITNESS|Sportswear,Footwear|B
Nike|FASHION SPORTS_AND_FITNESS|Sportswear,Footwear|F
Reebok|FASHION SPORTS_AND_FITNESS|Sportswear,Footwear|B
Skechers|FASHION|Footwear,Sportswear|B
Woodland|FASHION|Footwear,Outdoor|B
Metro Shoes|FASHION|Footwear|B
Mochi|FASHION|Footwear|B
Clarks|FASHION|Footwear|F
Crocs|FASHION|Footwear|B
H&M|FASHION|Fashion,Apparel|B
Marks & Spencer|FASHION|Fashion,Apparel|B
U.S. Polo Assn.|FASHION|Casual Wear,Apparel|B
Jack & Jones|FASHION|Menswear,Denim|B
Vero Moda|FASHION|Womenswear,Apparel|B
Only|FASHION|Womenswear,Denim|B
Zivame|FASHION|Lingerie,Womenswear|O
Jabong|FASHION|Fashion,Apparel|O
Voonik|FASHION|Fashion,Womenswear|O
Croma|POPULAR_BRANDS ELECTRONICS|Electronics,Appliances|B
Reliance Digital|ELECTRONICS|Electronics,Appliances|B
Vijay Sales|ELECTRONICS|Electronics,Appliances|B
boAt|ELECTRONICS|Audio,Wearables|O
Samsung|ELECTRONICS|Mobiles,Appliances|B
Sony|ELECTRONICS|Audio,Televisions|B
JBL|ELECTRONICS|Audio,Speakers|O
Noise|ELECTRONICS|Wearables,Audio|O
Lenovo|ELECTRONICS|Laptops,Computers|O
HP World|ELECTRONICS|Laptops,Printers|B
Dell|ELECTRONICS|Laptops,Computers|O
Poorvika Mobiles|ELECTRONICS|Mobiles,Accessories|F
Sangeetha Mobiles|ELECTRONICS|Mobiles,Accessories|F
Nykaa|POPULAR_BRANDS BEAUTY|Beauty,Cosmetics,Skincare|B
Purplle|BEAUTY|Beauty,Cosmetics|O
Lakme Salon|BEAUTY|Salon,Grooming|F
The Body Shop|BEAUTY|Skincare,Bath & Body|B
Bath & Body Works|BEAUTY|Fragrance,Bath & Body|B
Forest Essentials|BEAUTY|Ayurveda,Skincare|B
Kama Ayurveda|BEAUTY|Ayurveda,Skincare|B
Mamaearth|BEAUTY|Skincare,Haircare|O
Sugar Cosmetics|BEAUTY|Cosmetics,Makeup|B
MAC Cosmetics|BEAUTY|Cosmetics,Makeup|F
Plum|BEAUTY|Skincare,Vegan|O
VLCC|BEAUTY HEALTH_AND_WELLNESS|Salon,Wellness|F
Naturals Salon|BEAUTY|Salon,Grooming|F
Enrich Salon|BEAUTY|Salon,Grooming|F
MakeMyTrip|POPULAR_BRANDS TRAVEL|Flights,Hotels,Holidays|O
Yatra|TRAVEL|Flights,Hotels|O
Cleartrip|TRAVEL|Flights,Hotels|O
Goibibo|TRAVEL|Flights,Hotels|O
ixigo|TRAVEL|Trains,Flights|O
EaseMyTrip|TRAVEL|Flights,Hotels|O
OYO|TRAVEL|Hotels,Stays|B
Taj Hotels|TRAVEL|Luxury Hotels,Dining|F
ITC Hotels|TRAVEL|Luxury Hotels,Dining|F
Uber|TRAVEL|Cabs,Mobility|O
Ola|TRAVEL|Cabs,Mobility|O
Rapido|TRAVEL|Bike Taxi,Mobility|O
redBus|TRAVEL|Bus Tickets|O
Air India|TRAVEL|Flights,Airline|O
IndiGo|TRAVEL|Flights,Airline|O
Club Mahindra|TRAVEL|Holidays,Resorts|B
BookMyShow|POPULAR_BRANDS ENTERTAINMENT|Movies,Events|O
PVR INOX|ENTERTAINMENT|Movies,Cinema|B
Cinepolis|ENTERTAINMENT|Movies,Cinema|B
Disney+ Hotstar|ENTERTAINMENT|OTT,Streaming|O
SonyLIV|ENTERTAINMENT|OTT,Streaming|O
ZEE5|ENTERTAINMENT|OTT,Streaming|O
Spotify|ENTERTAINMENT|Music,Streaming|O
Gaana|ENTERTAINMENT|Music,Streaming|O
JioSaavn|ENTERTAINMENT|Music,Streaming|O
Audible|ENTERTAINMENT BOOKS_AND_STATIONERY|Audiobooks,Streaming|O
Wonderla|ENTERTAINMENT|Amusement Park,Family|F
Timezone|ENTERTAINMENT|Gaming Arcade,Family|F
Smaaash|ENTERTAINMENT|Gaming Arcade,Bowling|F
Google Play|GAMING ENTERTAINMENT|Apps,Games|O
Xbox|GAMING|Games,Console|O
PlayStation|GAMING|Games,Console|O
Steam|GAMING|Games,PC Gaming|O
Apple App Store & iTunes|GAMING ENTERTAINMENT|Apps,Music|O
Tanishq|POPULAR_BRANDS JEWELLERY|Gold,Diamonds,Jewellery|F
Kalyan Jewellers|JEWELLERY|Gold,Jewellery|F
Malabar Gold & Diamonds|JEWELLERY|Gold,Diamonds|F
CaratLane|JEWELLERY|Diamonds,Jewellery|B
Joyalukkas|JEWELLERY|Gold,Jewellery|F
PC Jeweller|JEWELLERY|Gold,Jewellery|F
Senco Gold & Diamonds|JEWELLERY|Gold,Diamonds|F
BlueStone|JEWELLERY|Diamonds,Jewellery|B
GIVA|JEWELLERY|Silver,Jewellery|B
Mia by Tanishq|JEWELLERY|Fine Jewellery,Workwear|B
Pepperfry|HOME_AND_LIVING|Furniture,Home Decor|B
Urban Ladder|HOME_AND_LIVING|Furniture,Home Decor|B
Home Centre|HOME_AND_LIVING|Furniture,Home Decor|B
IKEA|HOME_AND_LIVING|Furniture,Home Furnishing|B
HomeTown|HOME_AND_LIVING|Furniture,Home Decor|B
Durian|HOME_AND_LIVING|Furniture,Sofas|F
Godrej Interio|HOME_AND_LIVING|Furniture,Storage|B
Wakefit|HOME_AND_LIVING|Mattresses,Furniture|O
Sleepwell|HOME_AND_LIVING|Mattresses,Bedding|F
Urban Company|HOME_AND_LIVING|Home Services,Salon at Home|O
Nilkamal|HOME_AND_LIVING|Furniture,Plastics|B
D'Decor|HOME_AND_LIVING|Furnishing,Curtains|F
Apollo Pharmacy|HEALTH_AND_WELLNESS|Pharmacy,Healthcare|B
PharmEasy|HEALTH_AND_WELLNESS|Pharmacy,Diagnostics|O
Tata 1mg|HEALTH_AND_WELLNESS|Pharmacy,Lab Tests|O
Netmeds|HEALTH_AND_WELLNESS|Pharmacy,Healthcare|O
Cult.fit|HEALTH_AND_WELLNESS SPORTS_AND_FITNESS|Fitness,Gym|B
HealthifyMe|HEALTH_AND_WELLNESS|Nutrition,Fitness|O
Practo|HEALTH_AND_WELLNESS|Doctor Consultation,Healthcare|O
MedPlus|HEALTH_AND_WELLNESS|Pharmacy,Healthcare|B
Lenskart|HEALTH_AND_WELLNESS ACCESSORIES|Eyewear,Contact Lenses|B
Titan Eye+|ACCESSORIES|Eyewear,Sunglasses|B
Titan|ACCESSORIES|Watches,Accessories|B
Fastrack|ACCESSORIES|Watches,Bags|B
Fossil|ACCESSORIES|Watches,Leather Goods|B
Hidesign|ACCESSORIES|Leather Goods,Bags|B
Caprese|ACCESSORIES|Handbags,Womenswear|B
Wildcraft|ACCESSORIES SPORTS_AND_FITNESS|Backpacks,Outdoor|B
American Tourister|ACCESSORIES TRAVEL|Luggage,Backpacks|B
VIP Bags|ACCESSORIES TRAVEL|Luggage|F
Crossword|BOOKS_AND_STATIONERY|Books,Stationery|B
Sapna Book House|BOOKS_AND_STATIONERY|Books|F
Bookswagon|BOOKS_AND_STATIONERY|Books,E-commerce|O
Archies|GIFTING|Greeting Cards,Gifts|B
Ferns N Petals|GIFTING|Flowers,Cakes,Gifts|O
IGP|GIFTING|Gifts,Flowers|O
Hamleys|KIDS|Toys,Games|B
FirstCry|KIDS|Baby Care,Kids Fashion|B
Hopscotch|KIDS|Kids Fashion,Toys|O
Mothercare|KIDS|Baby Care,Maternity|B
Decathlon|SPORTS_AND_FITNESS|Sports Equipment,Sportswear|B
`;

/** Brands that shut down or were folded into others: present, but INACTIVE. */
export const INACTIVE_TITLES = [
  'Dineout',
  'FreshMenu',
  'Grofers',
  'Paytm Mall',
  'ShopClues',
  'Jabong',
  'Voonik',
  'Smaaash',
];

/** ACTIVE brands whose provider is failing right now: orders get E100. */
export const TEMPORARILY_DISABLED_TITLES = ['Swiggy Instamart', 'Ola', 'Gaana', 'Cult.fit', 'Lenskart'];

/** Per client, brands that exist in Hubble's catalogue but are not enabled for that client. */
export const NOT_ENABLED_TITLES: Record<string, string[]> = {
  'sim-staging-b2b': ['Hamleys', 'Club Mahindra', 'Taj Hotels', 'ITC Hotels', 'Steam', "D'Decor"],
  'sim-production-b2b': [
    'Hamleys',
    'Xbox',
    'PlayStation',
    'Steam',
    'Wonderla',
    'Timezone',
    'Smaaash',
    'Durian',
    'Sleepwell',
    'VIP Bags',
    'Sapna Book House',
    'Poorvika Mobiles',
  ],
  'sim-staging-b2c': [
    'Hamleys',
    'Taj Hotels',
    'ITC Hotels',
    'Club Mahindra',
    'Air India',
    'IndiGo',
    'Tanishq',
    'Kalyan Jewellers',
    'Malabar Gold & Diamonds',
    'Joyalukkas',
    'PC Jeweller',
    'Senco Gold & Diamonds',
    'Raymond',
    'Manyavar',
    'Durian',
    'Godrej Interio',
    'Samsung',
    'Dell',
    'Lenovo',
    'HP World',
  ],
};
